/** Prints clip scores as a fixed-width table, one row per clip and a total per engine. */
import { mean, meanAbs, median, percentile } from './metrics.ts';
import type { ClipScore } from './score-clip.ts';

const pct = (v: number) => (Number.isNaN(v) ? '—' : `${(v * 100).toFixed(0)}%`);
const num = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const num2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');

export const EVAL_COLUMNS = [
  ['clip', 34],
  ['engine', 20],
  ['frames', 6],
  ['usable', 7],
  ['plain', 6],
  ['on body', 7],
  ['turned', 6],
  ['err med', 7],
  ['err p95', 7],
  ['hip err', 7],
  ['hip kn', 6],
  ['cue P', 5],
  ['cue R', 5],
  ['hold err', 8],
  ['zone', 5],
  ['rot err', 7],
  ['rot p95', 7],
  ['recog', 6],
  ['wrong', 5],
] as const;

function row(cells: string[]): string {
  return cells
    .map((c, i) => (i < 2 ? c.padEnd(EVAL_COLUMNS[i]![1]) : c.padStart(EVAL_COLUMNS[i]![1])))
    .join('  ');
}

/** Frames pooled over clips: shares weighted by frame count, errors over all frames of all clips. */
export function totalScore(engine: string, scores: ClipScore[]): ClipScore {
  const frames = scores.reduce((n, s) => n + s.frames, 0);
  const joints = scores.flatMap((s) => s.samples.jointErrors);
  const hips = scores.flatMap((s) => s.samples.hipErrors);
  const weighted = (
    k: 'usable' | 'usablePlain' | 'onBody' | 'turned' | 'hipHeightKnown' | 'recognizedWrong',
  ) => scores.reduce((sum, s) => sum + s[k] * s.frames, 0) / frames;
  return {
    scene: `all ${scores.length} clips`,
    engine,
    frames,
    usable: weighted('usable'),
    usablePlain: weighted('usablePlain'),
    onBody: weighted('onBody'),
    turned: weighted('turned'),
    hipHeightKnown: weighted('hipHeightKnown'),
    hipHeightError: meanAbs(hips),
    ...checkerTotals(scores),
    // Total: the slowest recognition (NaN if any clip was never recognised), frames named wrongly.
    recognizedAfterS: Math.max(...scores.map((s) => s.recognizedAfterS)),
    recognizedWrong: weighted('recognizedWrong'),
    rotationError: meanAbs(scores.flatMap((s) => s.samples.rotationErrors)),
    rotationErrorP95: percentile(
      scores.flatMap((s) => s.samples.rotationErrors),
      95,
    ),
    jointErrorMedian: median(joints),
    jointErrorP95: percentile(joints, 95),
    samples: {
      jointErrors: joints,
      hipErrors: hips,
      rotationErrors: scores.flatMap((s) => s.samples.rotationErrors),
      zeroedRotationErrors: scores.flatMap((s) => s.samples.zeroedRotationErrors),
    },
  };
}

/** Checker figures over the clips that have a checker: means of the clip values. */
function checkerTotals(scores: ClipScore[]) {
  const scored = scores.filter((s) => !Number.isNaN(s.cuePrecision));
  const avg = (k: 'cuePrecision' | 'cueRecall' | 'holdError' | 'rollerZoneRight') =>
    mean(scored.map((s) => s[k]).filter((v) => !Number.isNaN(v)));
  return {
    cuePrecision: avg('cuePrecision'),
    cueRecall: avg('cueRecall'),
    holdError: avg('holdError'),
    rollerZoneRight: avg('rollerZoneRight'),
  };
}

export function formatTable(scores: ClipScore[]): string {
  const lines = [row(EVAL_COLUMNS.map(([name]) => name))];
  const cells = (s: ClipScore) => [
    s.scene,
    s.engine,
    String(s.frames),
    pct(s.usable),
    pct(s.usablePlain),
    pct(s.onBody),
    pct(s.turned),
    num(s.jointErrorMedian),
    num(s.jointErrorP95),
    num(s.hipHeightError),
    pct(s.hipHeightKnown),
    num2(s.cuePrecision),
    num2(s.cueRecall),
    Number.isFinite(s.holdError) ? `${s.holdError.toFixed(2)} s` : '—',
    pct(s.rollerZoneRight),
    Number.isFinite(s.rotationError) ? `${s.rotationError.toFixed(1)}°` : '—',
    Number.isFinite(s.rotationErrorP95) ? `${s.rotationErrorP95.toFixed(1)}°` : '—',
    Number.isFinite(s.recognizedAfterS) ? `${s.recognizedAfterS.toFixed(1)} s` : 'never',
    pct(s.recognizedWrong),
  ];
  for (const s of scores) lines.push(row(cells(s)));
  for (const engine of [...new Set(scores.map((s) => s.engine))]) {
    lines.push(
      row(
        cells(
          totalScore(
            engine,
            scores.filter((s) => s.engine === engine),
          ),
        ),
      ),
    );
  }
  return lines.join('\n');
}
