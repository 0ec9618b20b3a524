/**
 * `npx tsx tests/tools/eval/roller-pause-dump.ts [--set dev|clips] [--only id,id] > out.jsonl`:
 * per frame of each roller clip and engine, the checker's phase and pause
 * measures beside the truth's phase, faults and roller place (issue 14,
 * roller pauses against slow rolls; dev set only while tuning). One JSON line per clip and engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BodyPoints } from '../../../src/core/body-points.ts';
import { FeatureStream } from '../../../src/core/feature-stream.ts';
import { LANDMARK, type LandmarkName } from '../../../src/core/landmarks.ts';
import type { PoseFrame } from '../../../src/core/pose-frame.ts';
import { analyzeStream } from '../../../src/exercises/analyze-stream.ts';
import { foamRollerChecker } from '../../../src/exercises/foam-roller/checker.ts';
import { loadCorpusScenes, streamFile, truthFile } from '../corpus/corpus-files.ts';
import { decodeStream } from '../corpus/stream-codec.ts';
import { truthPath } from '../render-scenes.ts';
import { parseToolArgs } from '../scenes/cli-args.ts';
import { loadScenes, SCENES_DIR, STREAMS_DIR, TRUTH_DIR } from '../scenes/load-scenes.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import {
  decodeFrame,
  type LandmarkStream,
  parseStream,
  streamFileName,
} from '../streams/landmark-stream.ts';
import { RECORDED_ENGINES, readTruth } from '../streams/record-clip.ts';

const args = parseToolArgs(process.argv.slice(2), ['set'], []);
const set = args.values.get('set') ?? 'dev';
if (set === 'test') throw new Error('Never diagnose on the test set');

/** The clips to dump: the corpus's roller clips of the set, or the scripted ones (`clips`). */
function* clips(): Generator<{
  id: string;
  view: string;
  rollSpeeds: number[];
  truth: ClipTruth;
  streams: LandmarkStream[];
}> {
  if (set === 'clips') {
    for (const loaded of loadScenes(SCENES_DIR, args.only)) {
      if (loaded.scene.exercise !== 'foam-roller') continue;
      const truth = readTruth(truthPath(TRUTH_DIR, loaded.scene.id), loaded);
      const streams = RECORDED_ENGINES.map((engine) => {
        const file = join(STREAMS_DIR, loaded.scene.id, streamFileName(engine));
        return parseStream(readFileSync(file, 'utf8'), file);
      });
      yield { id: loaded.scene.id, view: loaded.scene.id, rollSpeeds: [], truth, streams };
    }
    return;
  }
  for (const c of loadCorpusScenes()) {
    if (c.meta.split !== set || c.scene.exercise !== 'foam-roller') continue;
    if (args.only && !args.only.includes(c.scene.id)) continue;
    const truth: ClipTruth = JSON.parse(gunzipSync(readFileSync(truthFile(c.scene.id))).toString());
    if (truth.sceneHash !== c.hash) continue;
    const streams = RECORDED_ENGINES.map((engine) => {
      const file = streamFile(c.scene.id, engine);
      return decodeStream(readFileSync(file), file);
    }).filter((s) => s.sceneHash === c.hash);
    yield {
      id: c.scene.id,
      view: c.meta.view,
      rollSpeeds: c.meta.rollSpeeds ?? [],
      truth,
      streams,
    };
  }
}

for (const c of clips()) {
  const { truth } = c;
  for (const stream of c.streams) {
    const engine = stream.engine;
    const rows: unknown[] = [];
    let i = 0;
    // The checker alone beside the pipeline: its corrections before the entry grace holds any back.
    let inner = foamRollerChecker.initial();
    const measures = new FeatureStream();
    const frames = new Map(stream.frames.map((f) => [f.t, f.u ? decodeFrame(stream, f) : null]));
    const report = analyzeStream(
      stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null })),
      'foam-roller',
      {},
      (tMs, v, feat) => {
        while (i < truth.frames.length - 1 && truth.frames[i + 1]!.t * 1000 <= tMs + 1) i++;
        const tr = truth.frames[i]!;
        const own = foamRollerChecker.step(inner, feat, tMs);
        inner = own.state;
        const smoothed = measures.next(frames.get(tMs) ?? null, tMs).smoothed;
        const m = v.metrics as Record<string, number | undefined>;
        rows.push({
          t: tMs / 1000,
          ph: v.phase,
          at: m.rollerAt,
          dr: m.rollerDriftPerS,
          wd: m.worldSlideDriftPerS,
          sp: m.rollingSpeedPerS,
          raised: v.raised,
          faults: own.verdict.raised.filter((c) => c !== 'pause-here'),
          nj: v.notJudged,
          s2a: feat.shoulderToAnkleTorso,
          tph: tr.phase,
          tf: tr.faults,
          tat: tr.rollerAt,
          ...(smoothed ? points(smoothed) : {}),
        });
      },
    );
    console.log(
      JSON.stringify({
        id: c.id,
        engine,
        view: c.view,
        rollSpeeds: c.rollSpeeds,
        holds: report.holds.map((h) => [h.startMs / 1000, h.endMs / 1000]),
        rows,
      }),
    );
  }
}

/** The slide's raw points: image mids (px) and world mids (m, the model's guesses for hidden points too). */
function points(frame: PoseFrame) {
  const b = new BodyPoints(frame);
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  const img = (part: string) => {
    const p = b.pair(part);
    return p ? [r(p.x), r(p.y)] : undefined;
  };
  const w = (part: string) => {
    const l = frame.world?.[LANDMARK[`left_${part}` as LandmarkName]];
    const rr = frame.world?.[LANDMARK[`right_${part}` as LandmarkName]];
    return l && rr ? [r((l.x + rr.x) / 2), r((l.y + rr.y) / 2), r((l.z + rr.z) / 2)] : undefined;
  };
  return {
    iS: img('shoulder'),
    iH: img('hip'),
    iK: img('knee'),
    iA: img('ankle') ?? img('heel'),
    wS: w('shoulder'),
    wH: w('hip'),
    wK: w('knee'),
    wA: w('ankle'),
  };
}
