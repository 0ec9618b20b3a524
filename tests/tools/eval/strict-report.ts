/**
 * A set's strict figures (issue 14), pooled over its clips, per engine, per
 * stretch and per view bucket, each with a bootstrap 95 % interval over
 * clips, as a table and as JSON rows.
 */
import { mean, median, percentile } from './metrics.ts';
import type { StrictClip } from './strict-clip.ts';
import { bootstrapInterval, pooled } from './strict-metrics.ts';

export interface Figure {
  value: number;
  /** Bootstrap 95 % interval over clips. */
  ci: [number, number];
}

export interface StrictRow {
  engine: string;
  exercise: string;
  view: string;
  clips: number;
  usable: Figure;
  onBody: Figure;
  cuePrecision: Figure;
  cueRecall: Figure;
  cues: number;
  faults: number;
  /** Median seconds from a caught fault's start to its cue. */
  cueDelayMedian: number;
  falsePraise: number;
  trueHolds: number;
  holdsFound: number;
  holdsExtra: number;
  /** Median hold duration error, seconds (unmatched true holds count in full). */
  holdError: Figure;
  rotationMae: Figure;
  rotationP95: number;
  /** The same less the zero taken while sitting square. */
  rotationMaeZeroed: Figure;
  rotationP95Zeroed: number;
  hipError: Figure;
  /** Median seconds to name the right stretch, over clips where it was named; share of clips never named. */
  recognizedAfterS: number;
  neverRecognized: number;
  /** Share of frames a wrong stretch was named (negatives: any stretch). */
  wrongShare: Figure;
  /** Negatives: share of clips on which any stretch was named at all. */
  negativesNamed: number;
  /** Share of in-position frames with a check the view could not make (not judged, never praised). */
  notJudged: Figure;
}

const sum = (clips: readonly StrictClip[], f: (c: StrictClip) => number) =>
  clips.reduce((s, c) => s + f(c), 0);
const flat = (clips: readonly StrictClip[], f: (c: StrictClip) => number[]) => clips.flatMap(f);

function figure(clips: readonly StrictClip[], stat: (c: readonly StrictClip[]) => number): Figure {
  return { value: stat(clips), ci: bootstrapInterval(clips, stat) };
}

const STATS = {
  usable: (c: readonly StrictClip[]) =>
    pooled(c.map((x) => ({ num: x.usableFrames, den: x.frames }))),
  onBody: (c: readonly StrictClip[]) =>
    pooled(c.map((x) => ({ num: x.onBodyFrames, den: x.frames }))),
  cuePrecision: (c: readonly StrictClip[]) =>
    pooled(c.map((x) => ({ num: x.rightCues, den: x.cues }))),
  cueRecall: (c: readonly StrictClip[]) =>
    pooled(c.map((x) => ({ num: x.caughtFaults, den: x.faults }))),
  holdError: (c: readonly StrictClip[]) => median(flat(c, (x) => x.holdErrors)),
  rotationMae: (c: readonly StrictClip[]) => mean(flat(c, (x) => x.rotationErrors)),
  rotationMaeZeroed: (c: readonly StrictClip[]) => mean(flat(c, (x) => x.zeroedRotationErrors)),
  hipError: (c: readonly StrictClip[]) => mean(flat(c, (x) => x.hipErrors.map(Math.abs))),
  notJudged: (c: readonly StrictClip[]) =>
    pooled(c.map((x) => ({ num: x.notJudgedFrames, den: x.inPoseFrames }))),
  wrongShare: (c: readonly StrictClip[]) =>
    pooled(c.map((x) => ({ num: x.wrongFrames, den: x.frames }))),
};

export function strictRow(
  engine: string,
  exercise: string,
  view: string,
  clips: readonly StrictClip[],
): StrictRow {
  const recognized = clips.filter((c) => !Number.isNaN(c.recognizedAfterS));
  const stretches = clips.filter((c) => c.exercise !== 'none');
  const negatives = clips.filter((c) => c.exercise === 'none');
  return {
    engine,
    exercise,
    view,
    clips: clips.length,
    usable: figure(clips, STATS.usable),
    onBody: figure(clips, STATS.onBody),
    cuePrecision: figure(clips, STATS.cuePrecision),
    cueRecall: figure(clips, STATS.cueRecall),
    cues: sum(clips, (c) => c.cues),
    faults: sum(clips, (c) => c.faults),
    cueDelayMedian: median(flat(clips, (c) => c.delays)),
    falsePraise: sum(clips, (c) => c.falsePraise),
    trueHolds: sum(clips, (c) => c.trueHolds),
    holdsFound: sum(clips, (c) => c.holdsMatched),
    holdsExtra: sum(clips, (c) => c.holdsExtra),
    holdError: figure(clips, STATS.holdError),
    rotationMae: figure(clips, STATS.rotationMae),
    rotationMaeZeroed: figure(clips, STATS.rotationMaeZeroed),
    rotationP95Zeroed: percentile(
      flat(clips, (c) => c.zeroedRotationErrors),
      95,
    ),
    rotationP95: percentile(
      flat(clips, (c) => c.rotationErrors),
      95,
    ),
    hipError: figure(clips, STATS.hipError),
    recognizedAfterS: median(recognized.map((c) => c.recognizedAfterS)),
    neverRecognized: stretches.length ? 1 - recognized.length / stretches.length : Number.NaN,
    wrongShare: figure(clips, STATS.wrongShare),
    negativesNamed: negatives.length
      ? negatives.filter((c) => c.wrongFrames > 0).length / negatives.length
      : Number.NaN,
    notJudged: figure(clips, STATS.notJudged),
  };
}

/** Rows: per engine, all clips, then each stretch (and negatives), then each stretch × view bucket. */
export function strictRows(clips: readonly StrictClip[]): StrictRow[] {
  const rows: StrictRow[] = [];
  const engines = [...new Set(clips.map((c) => c.engine))].sort();
  for (const engine of engines) {
    const mine = clips.filter((c) => c.engine === engine);
    rows.push(strictRow(engine, 'all', 'all', mine));
    const exercises = [...new Set(mine.map((c) => c.exercise))].sort();
    for (const ex of exercises) {
      const ofEx = mine.filter((c) => c.exercise === ex);
      rows.push(strictRow(engine, ex, 'all', ofEx));
      const views = [...new Set(ofEx.map((c) => c.view))].sort();
      if (views.length > 1)
        for (const v of views)
          rows.push(
            strictRow(
              engine,
              ex,
              v,
              ofEx.filter((c) => c.view === v),
            ),
          );
    }
  }
  return rows;
}

const num = (v: number, digits: number) => (Number.isNaN(v) ? '–' : v.toFixed(digits));
const withCi = (f: Figure, digits: number) =>
  Number.isNaN(f.value)
    ? '–'
    : `${num(f.value, digits)} [${num(f.ci[0], digits)}–${num(f.ci[1], digits)}]`;

export function formatStrictTable(rows: readonly StrictRow[]): string {
  const head = [
    'engine',
    'stretch',
    'view',
    'clips',
    'usable',
    'on body',
    'cue P',
    'cue R',
    'cues/faults',
    'delay',
    'false praise',
    'holds found',
    'extra',
    'hold err med',
    'rot MAE',
    'rot p95',
    'rot MAE 0',
    'p95 0',
    'hip err',
    'recog',
    'never',
    'wrong',
    'neg named',
    'not judged',
  ];
  const body = rows.map((r) => [
    r.engine,
    r.exercise,
    r.view,
    String(r.clips),
    withCi(r.usable, 2),
    withCi(r.onBody, 2),
    withCi(r.cuePrecision, 2),
    withCi(r.cueRecall, 2),
    `${r.cues}/${r.faults}`,
    num(r.cueDelayMedian, 1),
    String(r.falsePraise),
    `${r.holdsFound}/${r.trueHolds}`,
    String(r.holdsExtra),
    withCi(r.holdError, 1),
    withCi(r.rotationMae, 1),
    num(r.rotationP95, 1),
    withCi(r.rotationMaeZeroed, 1),
    num(r.rotationP95Zeroed, 1),
    withCi(r.hipError, 2),
    num(r.recognizedAfterS, 1),
    num(r.neverRecognized, 2),
    withCi(r.wrongShare, 2),
    num(r.negativesNamed, 2),
    withCi(r.notJudged, 2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}
