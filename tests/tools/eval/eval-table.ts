/** Prints clip scores as a fixed-width table, one row per clip and a total per engine. */
import { median, percentile } from './metrics.ts';
import type { ClipScore } from './score-clip.ts';

const pct = (v: number) => (Number.isNaN(v) ? '—' : `${(v * 100).toFixed(0)}%`);
const num = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');

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
] as const;

function row(cells: string[]): string {
  return cells
    .map((c, i) => (i < 2 ? c.padEnd(EVAL_COLUMNS[i]![1]) : c.padStart(EVAL_COLUMNS[i]![1])))
    .join('  ');
}

/** Frames pooled over clips: shares weighted by frame count, error percentiles over all usable frames. */
export function totalScore(engine: string, scores: ClipScore[]): ClipScore {
  const frames = scores.reduce((n, s) => n + s.frames, 0);
  const pooled = scores.flatMap((s) => s.frameErrors);
  const weighted = (k: 'usable' | 'usablePlain' | 'onBody' | 'turned') =>
    scores.reduce((sum, s) => sum + s[k] * s.frames, 0) / frames;
  return {
    scene: `all ${scores.length} clips`,
    engine,
    frames,
    usable: weighted('usable'),
    usablePlain: weighted('usablePlain'),
    onBody: weighted('onBody'),
    turned: weighted('turned'),
    jointErrorMedian: median(pooled),
    jointErrorP95: percentile(pooled, 95),
    frameErrors: pooled,
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
