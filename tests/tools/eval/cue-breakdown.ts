/**
 * `npx tsx tests/tools/eval/cue-breakdown.ts [--set dev] [--only id,id]`:
 * every correction and every fault of a set under the strict definitions,
 * grouped by cue, engine and view, each wrong correction and missed fault
 * with a guessed cause (issue 14 diagnosis; dev set only while tuning):
 * - wrong: `not-in-pose` (the truth is out of the pose), `entry` (≤ 2 s after
 *   the truth came into position), `under-line` (a drawn fault under its line
 *   is present), `measure` (none of those: the measure read a fault).
 * - missed: `never-raised`, `not-judged` (the check was listed as unknown),
 *   `raised-late` (raised, but not cued within 1.5 s), `out-of-pose`
 *   (the checker was out of position for most of the window).
 * Prints counts; `--list` prints every event too.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { analyzeStream } from '../../../src/exercises/analyze-stream.ts';
import type { FormFault } from '../../../src/exercises/form-faults.ts';
import { type CueCode, cueDefinition, cueFor } from '../../../src/feedback/cue-vocabulary.ts';
import { loadCorpusScenes, streamFile, truthFile } from '../corpus/corpus-files.ts';
import { decodeStream } from '../corpus/stream-codec.ts';
import { parseToolArgs } from '../scenes/cli-args.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import { decodeFrame } from '../streams/landmark-stream.ts';
import { RECORDED_ENGINES } from '../streams/record-clip.ts';
import { truthSpans } from './strict-clip.ts';
import { STRICT_LINGER_S, STRICT_MAX_DELAY_S } from './strict-metrics.ts';

interface DrawnFault {
  name: string;
  from: number;
  to: number;
  pastLine: boolean | string;
}

const args = parseToolArgs(process.argv.slice(2), ['set'], ['list']);
const set = args.values.get('set') ?? 'dev';
if (set === 'test') throw new Error('Never diagnose on the test set');
const list = args.flags.has('list');
const counts = new Map<string, number>();
const bump = (key: string, by = 1) => counts.set(key, (counts.get(key) ?? 0) + by);

for (const c of loadCorpusScenes()) {
  if (c.meta.split !== set || (args.only && !args.only.includes(c.scene.id))) continue;
  if (c.scene.exercise === 'none') continue;
  let truth: ClipTruth;
  try {
    truth = JSON.parse(gunzipSync(readFileSync(truthFile(c.scene.id))).toString('utf8'));
  } catch {
    continue;
  }
  if (truth.sceneHash !== c.hash) continue;
  const drawn = ((c.meta as { drawnFaults?: DrawnFault[] }).drawnFaults ?? []).filter(
    (d) => d.pastLine === false,
  );
  const entryS = truth.frames.find((f) => f.phase !== 'setup')?.t ?? 0;
  for (const engine of RECORDED_ENGINES) {
    let stream: ReturnType<typeof decodeStream>;
    try {
      const file = streamFile(c.scene.id, engine);
      stream = decodeStream(readFileSync(file), file);
    } catch {
      continue;
    }
    if (stream.sceneHash !== c.hash) continue;
    const frames: { t: number; phase: string; raised: CueCode[]; notJudged: CueCode[] }[] = [];
    const report = analyzeStream(
      stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null })),
      c.scene.exercise,
      c.scene.side ? { side: c.scene.side } : {},
      (tMs, v) =>
        frames.push({
          t: tMs / 1000,
          phase: v.phase,
          raised: v.raised,
          notJudged: v.notJudged ?? [],
        }),
    );
    const faults = truthSpans(truth, (f) => f.faults);
    const truthAt = (t: number) =>
      truth.frames[Math.min(truth.frames.length - 1, Math.max(0, Math.round(t * truth.fps)))]!;
    const eng = engine.split('/')[0];
    const where = `${eng} ${c.scene.exercise} ${c.meta.view}`;
    for (const cue of report.cues) {
      const fault = cueDefinition(cue.code).corrects;
      if (!fault) continue;
      const t = cue.tMs / 1000;
      const right = faults.some(
        (f) => f.name === fault && t >= f.from && t <= f.to + STRICT_LINGER_S,
      );
      let cause = 'right';
      if (!right) {
        const tf = truthAt(t);
        if (tf.phase === 'setup') cause = 'not-in-pose';
        else if (t - entryS <= 2) cause = 'entry';
        else if (drawn.some((d) => d.name === fault && t >= d.from && t <= d.to + 1))
          cause = 'under-line';
        else cause = 'measure';
      }
      bump(`cue|${where}|${cue.code}|${cause}`);
      if (list && cause !== 'right')
        console.log(`WRONG ${cause} ${where} ${c.scene.id} ${cue.code} t=${t.toFixed(1)}`);
    }
    const praise = report.cues.filter((q) => cueDefinition(q.code).priority === 'praise');
    bump(`praise|${eng} ${c.scene.exercise}|false`, 0);
    for (const p of praise) {
      const t = p.tMs / 1000;
      if (faults.some((f) => t >= f.from && t < f.to)) {
        bump(`praise|${eng} ${c.scene.exercise}|false`);
        if (list) console.log(`FALSE-PRAISE ${where} ${c.scene.id} ${p.code} t=${t.toFixed(1)}`);
      }
    }
    for (const f of faults) {
      const code = cueFor(f.name as FormFault);
      const caught = report.cues.some(
        (q) =>
          q.code === code && q.tMs / 1000 >= f.from && q.tMs / 1000 <= f.from + STRICT_MAX_DELAY_S,
      );
      let cause = 'caught';
      if (!caught) {
        const win = frames.filter(
          (x) => x.t >= f.from && x.t <= Math.min(f.to, f.from + STRICT_MAX_DELAY_S),
        );
        const inPose = win.filter((x) => x.phase === 'in-position' || x.phase === 'holding');
        const raisedIn = win.some((x) => x.raised.includes(code));
        const raisedEver = frames.some(
          (x) => x.t >= f.from && x.t <= f.to && x.raised.includes(code),
        );
        if (inPose.length < win.length / 2) cause = 'out-of-pose';
        else if (inPose.filter((x) => x.notJudged.includes(code)).length > inPose.length / 2)
          cause = 'not-judged';
        else if (raisedIn) cause = 'raised-no-cue';
        else if (raisedEver) cause = 'raised-late';
        else cause = 'never-raised';
      }
      bump(`fault|${where}|${f.name}|${cause}`);
      if (list && cause !== 'caught')
        console.log(
          `MISS ${cause} ${where} ${c.scene.id} ${f.name} ${f.from.toFixed(1)}–${f.to.toFixed(1)}`,
        );
    }
  }
}

/** Pooled per engine and stretch: corrections right/all, faults caught/all, false praise. */
const pooled = new Map<string, number[]>();
for (const [k, n] of counts) {
  const [kind, where, , cause] = k.split('|');
  const [eng, stretch] = where!.split(' ');
  for (const key of [`${eng} ${stretch}`, `${eng} all`]) {
    const p = pooled.get(key) ?? [0, 0, 0, 0, 0];
    if (kind === 'cue') {
      p[1]! += n;
      if (cause === 'right') p[0]! += n;
    } else if (kind === 'fault') {
      p[3]! += n;
      if (cause === 'caught') p[2]! += n;
    } else if (kind === 'praise') p[4]! += n;
    pooled.set(key, p);
  }
}
for (const [key, [right, cues, caught, faults, falsePraise]] of [...pooled].sort())
  console.log(
    `POOLED ${key}: P ${(right! / Math.max(1, cues!)).toFixed(2)} (${right}/${cues}) R ${(caught! / Math.max(1, faults!)).toFixed(2)} (${caught}/${faults}) false praise ${falsePraise}`,
  );
const sorted = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
for (const [k, n] of sorted) console.log(`${k.replaceAll('|', '\t')}\t${n}`);
