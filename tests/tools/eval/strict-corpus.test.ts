/**
 * The strict scoring run over the committed corpus (dev set), as CI does:
 * a fixed sample of the recorded dev clips (the lowest seeds of each kind,
 * so the time stays flat as clips are added), every figure of the table
 * re-derived from the per-clip counts by the definitions, and the
 * cue and hold counts re-derived frame by frame from the truth, a second
 * way, on the same clips. The whole dev set: `npm run eval -- --set dev`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../../src/exercises/analyze-stream.ts';
import { cueDefinition } from '../../../src/feedback/cue-vocabulary.ts';
import { loadCorpusScenes, streamFile, truthFile } from '../corpus/corpus-files.ts';
import { readCorpusTruth } from '../corpus/render-corpus.ts';
import { decodeStream } from '../corpus/stream-codec.ts';
import { decodeFrame } from '../streams/landmark-stream.ts';
import { RECORDED_ENGINES } from '../streams/record-clip.ts';
import { median } from './metrics.ts';
import type { StrictClip } from './strict-clip.ts';
import { strictClips } from './strict-eval.ts';
import { STRICT_LINGER_S, STRICT_MAX_DELAY_S } from './strict-metrics.ts';
import { strictRows } from './strict-report.ts';

/** Recorded dev clips scored here: the lowest seeds, this many of each kind. */
const PER_KIND = 3;

const sample = (() => {
  const byKind = new Map<string, string[]>();
  for (const c of loadCorpusScenes()) {
    if (c.meta.split !== 'dev' || !existsSync(truthFile(c.scene.id))) continue;
    const ids = byKind.get(c.scene.exercise) ?? [];
    if (ids.length < PER_KIND) byKind.set(c.scene.exercise, [...ids, c.scene.id]);
  }
  return [...byKind.values()].flat().sort();
})();

const { clips, missing } = strictClips('dev', RECORDED_ENGINES, sample);

describe('the strict table over the committed dev clips', () => {
  it('scores a sample of every kind with both engines', () => {
    expect(missing).toEqual([]);
    expect(new Set(clips.map((c) => c.exercise)).size).toBe(4);
    expect(clips).toHaveLength(sample.length * RECORDED_ENGINES.length);
  });

  it('pools every ratio over clips and adds every count (not a mean of clip values)', () => {
    const sum = (cs: StrictClip[], f: (c: StrictClip) => number) =>
      cs.reduce((s, c) => s + f(c), 0);
    for (const row of strictRows(clips)) {
      const mine = clips.filter(
        (c) =>
          c.engine === row.engine &&
          (row.exercise === 'all' || c.exercise === row.exercise) &&
          (row.view === 'all' || c.view === row.view),
      );
      expect(row.clips).toBe(mine.length);
      const ratio = (n: number, d: number) => (d ? n / d : Number.NaN);
      expect(row.cuePrecision.value).toEqual(
        ratio(
          sum(mine, (c) => c.rightCues),
          sum(mine, (c) => c.cues),
        ),
      );
      expect(row.cueRecall.value).toEqual(
        ratio(
          sum(mine, (c) => c.caughtFaults),
          sum(mine, (c) => c.faults),
        ),
      );
      expect(row.usable.value).toEqual(
        ratio(
          sum(mine, (c) => c.usableFrames),
          sum(mine, (c) => c.frames),
        ),
      );
      expect(row.falsePraise).toBe(sum(mine, (c) => c.falsePraise));
      expect(row.holdsFound).toBe(sum(mine, (c) => c.holdsMatched));
      expect(row.holdError.value).toEqual(median(mine.flatMap((c) => c.holdErrors)));
      for (const f of [row.cuePrecision, row.cueRecall, row.usable, row.holdError]) {
        if (Number.isNaN(f.value)) continue;
        expect(f.ci[0]).toBeLessThanOrEqual(f.ci[1]);
      }
    }
  });

  it('keeps each clip consistent: holds one to one, caught faults within 0–1.5 s', () => {
    for (const c of clips) {
      expect(c.rightCues).toBeLessThanOrEqual(c.cues);
      expect(c.caughtFaults).toBeLessThanOrEqual(c.faults);
      expect(c.delays).toHaveLength(c.caughtFaults);
      for (const d of c.delays) expect(d >= 0 && d <= STRICT_MAX_DELAY_S).toBe(true);
      expect(c.falsePraise).toBeLessThanOrEqual(c.praise);
      expect(c.holdErrors).toHaveLength(c.trueHolds);
      expect(c.holdsMatched + c.holdsMissed).toBe(c.trueHolds);
      if (c.exercise === 'none') expect([c.cues, c.faults, c.trueHolds]).toEqual([0, 0, 0]);
    }
  });

  it('gives the counts a frame-by-frame reading of the truth gives', () => {
    for (const c of clips) {
      if (c.exercise === 'none') continue;
      const scene = loadCorpusScenes().find((s) => s.scene.id === c.scene)!;
      const truth = readCorpusTruth(c.scene)!;
      const stream = loadStream(c.scene, c.engine);
      const report = analyzeStream(
        stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null })),
        c.exercise,
        scene.scene.side ? { side: scene.scene.side } : {},
      );
      const step = 1 / truth.fps;
      // Which faults each frame shows, and the frames where one starts.
      const at = (t: number) => truth.frames[Math.round(t * truth.fps)]?.faults ?? [];
      const onsets: { t: number; name: string }[] = [];
      truth.frames.forEach((f, i) => {
        for (const name of f.faults)
          if (i === 0 || !truth.frames[i - 1]!.faults.includes(name)) onsets.push({ t: f.t, name });
      });
      const corrections = report.cues.flatMap((q) => {
        const fault = cueDefinition(q.code).corrects;
        return fault ? [{ t: q.tMs / 1000, fault: fault as string }] : [];
      });
      // Right: the fault is on the cue's frame or on one up to 1.5 s before it.
      const right = corrections.filter((q) =>
        truth.frames.some(
          (f) =>
            (f.faults as readonly string[]).includes(q.fault) &&
            f.t <= q.t + 1e-9 &&
            f.t + step > q.t - STRICT_LINGER_S,
        ),
      ).length;
      const caught = onsets.filter((o) =>
        corrections.some(
          (q) => q.fault === o.name && q.t >= o.t && q.t <= o.t + STRICT_MAX_DELAY_S,
        ),
      ).length;
      const praise = report.cues.filter((q) => cueDefinition(q.code).priority === 'praise');
      const wrongPraise = praise.filter((q) => at(q.tMs / 1000).length > 0).length;
      expect([c.cues, c.rightCues, c.faults, c.caughtFaults, c.falsePraise]).toEqual([
        corrections.length,
        right,
        onsets.length,
        caught,
        wrongPraise,
      ]);
    }
  });
});

/** One clip and engine back from the committed files (strictClips keeps only the scores). */
function loadStream(id: string, engine: string) {
  const file = streamFile(id, engine);
  return decodeStream(readFileSync(file), file);
}
