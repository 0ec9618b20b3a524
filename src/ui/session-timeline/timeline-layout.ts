/**
 * Where one session's timeline marks go: holds as bars, cues as marks and
 * a measure curve split into runs wherever it was unknown (or samples are
 * missing), so gaps are drawn as gaps, never bridged. Pure geometry from a
 * stored session to SVG coordinates.
 */
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { goodFormMs } from '../../session/history-series.ts';
import type { CueRecord, MetricSample, SessionRecord } from '../../session/storage-schema.ts';
import { sessionCues, sessionHolds, sessionMetrics } from '../../session/stored-session.ts';

export interface TimelineBox {
  width: number;
  /** Height of the holds lane and of the curve, user units. */
  laneHeight: number;
  curveHeight: number;
  left: number;
  right: number;
  top: number;
  /** Room for the time labels under everything. */
  bottom: number;
}

export const DEFAULT_TIMELINE_BOX: Readonly<TimelineBox> = {
  width: 640,
  laneHeight: 36,
  curveHeight: 120,
  left: 44,
  right: 12,
  top: 22,
  bottom: 26,
};

/**
 * Samples further apart than this are not joined: one sample a second is
 * stored, so a longer step means frames were missing (a pause, a stall).
 */
export const MAX_JOIN_GAP_MS = 2500;

/** The measure each stretch's curve shows; child's pose has none stored. */
export const CURVE_MEASURE: Partial<
  Record<
    ExerciseId,
    { key: 'rotationDeg' | 'hipLiftThighs'; label: string; unit: string; axis: string }
  >
> = {
  // features.ts: positive when the chest turns to the person's left.
  'seated-twist': {
    key: 'rotationDeg',
    label: 'Torso rotation',
    unit: '°',
    axis: 'Torso rotation (°, + to the left)',
  },
  'foam-roller': {
    key: 'hipLiftThighs',
    label: 'Hip lift',
    unit: ' thigh lengths',
    axis: 'Hip lift (thigh lengths above the floor)',
  },
};

export interface HoldBar {
  index: number;
  x: number;
  width: number;
  side?: 'left' | 'right';
  heldMs: number;
  startS: number;
}

export interface CueMark {
  index: number;
  x: number;
  atS: number;
  cue: CueRecord;
}

export interface TimelineLayout {
  durationMs: number;
  holds: HoldBar[];
  cues: CueMark[];
  /** One SVG path per known run of the curve; empty without a measure. */
  runs: string[];
  /** Time where the curve is unknown, ms (inside the sampled span). */
  unknownMs: number;
  samples: number;
  /** y range of the curve, in the measure's unit. */
  range: [number, number];
  yTicks: { value: number; y: number }[];
  xTicks: { s: number; x: number }[];
  /** Top of the curve area. */
  curveTop: number;
  height: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** A "nice" tick step for a span of `span` units with about `n` ticks. */
function tickStep(span: number, n: number): number {
  const raw = span / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
}

export function layoutTimeline(
  session: SessionRecord,
  box: TimelineBox = DEFAULT_TIMELINE_BOX,
): TimelineLayout {
  const t0 = session.startedMs;
  const samples: MetricSample[] = sessionMetrics(session);
  const cues = sessionCues(session);
  const storedHolds = sessionHolds(session);
  const lastMs = Math.max(
    session.endedMs ?? t0,
    ...storedHolds.map((h) => h.endMs),
    ...samples.map((s) => s.atMs),
    ...cues.map((c) => c.atMs),
  );
  const durationMs = Math.max(1000, lastMs - t0);
  const plotW = box.width - box.left - box.right;
  const xOf = (ms: number) => round(box.left + ((ms - t0) / durationMs) * plotW);
  const curveTop = box.top + box.laneHeight + 22; // room for the curve's axis label
  const height = curveTop + box.curveHeight + box.bottom;

  const holds = storedHolds.map((h, index) => ({
    index,
    x: xOf(h.startMs),
    width: Math.max(2, round(xOf(h.endMs) - xOf(h.startMs))),
    ...(h.side ? { side: h.side } : {}),
    heldMs: goodFormMs(h),
    startS: Math.round((h.startMs - t0) / 1000),
  }));
  const cueMarks = cues.map((cue, index) => ({
    index,
    x: xOf(cue.atMs),
    atS: Math.round((cue.atMs - t0) / 1000),
    cue,
  }));

  const measure = CURVE_MEASURE[session.exercise];
  const values = measure
    ? samples.map((s) => s[measure.key]).filter((v): v is number => v !== undefined)
    : [];
  // Rotation is signed around 0; hip lift starts at the floor. A minimum span keeps noise flat.
  const lo = measure?.key === 'rotationDeg' ? Math.min(-30, ...values) : 0;
  const hi = measure?.key === 'rotationDeg' ? Math.max(30, ...values) : Math.max(1, ...values);
  const step = tickStep(hi - lo, 4);
  const range: [number, number] = [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
  const yOf = (v: number) =>
    round(curveTop + box.curveHeight - ((v - range[0]) / (range[1] - range[0])) * box.curveHeight);
  const yTicks = [];
  for (let v = range[0]; v <= range[1] + 1e-9; v += step)
    yTicks.push({ value: Math.round(v * 100) / 100, y: yOf(v) });

  const runs: string[] = [];
  let unknownMs = 0;
  if (measure) {
    let run: string[] = [];
    let prevMs: number | undefined;
    const flush = () => {
      // A lone known sample is drawn as a dot-length stroke so it still shows.
      if (run.length === 1) run.push(run[0]!.replace('M', 'L'));
      if (run.length > 0) runs.push(run.join(' '));
      run = [];
    };
    for (const s of samples) {
      const v = s[measure.key];
      const gap = prevMs === undefined ? 0 : s.atMs - prevMs;
      if (prevMs !== undefined && (v === undefined || gap > MAX_JOIN_GAP_MS)) unknownMs += gap;
      if (v === undefined || gap > MAX_JOIN_GAP_MS) flush();
      if (v !== undefined) run.push(`${run.length === 0 ? 'M' : 'L'}${xOf(s.atMs)} ${yOf(v)}`);
      prevMs = s.atMs;
    }
    flush();
  }

  const xStep = tickStep(durationMs / 1000, 6);
  const xTicks = [];
  for (let s = 0; s <= durationMs / 1000 + 1e-9; s += xStep)
    xTicks.push({ s, x: xOf(t0 + s * 1000) });

  return {
    durationMs,
    holds,
    cues: cueMarks,
    runs,
    unknownMs,
    samples: samples.length,
    range,
    yTicks,
    xTicks,
    curveTop,
    height,
  };
}

/** 75 → "1:15". */
export function clock(s: number): string {
  const whole = Math.max(0, Math.round(s));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
