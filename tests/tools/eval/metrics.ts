/**
 * The scorer's arithmetic, kept pure so it can be checked on tiny hand-made
 * cases: shares, errors, percentiles, cue precision/recall against scripted
 * fault intervals, and hold durations against scripted holds.
 */

/** Fraction of true values; NaN for an empty list (nothing to score). */
export function share(flags: readonly boolean[]): number {
  return flags.length ? flags.filter(Boolean).length / flags.length : Number.NaN;
}

/** The unsigned difference of two angles in degrees, folded into 0–180. */
export function angleErrorDeg(a: number, b: number): number {
  return Math.abs(((((a - b + 540) % 360) + 360) % 360) - 180);
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

export function meanAbs(values: readonly number[]): number {
  return mean(values.map(Math.abs));
}

/** Nearest-rank percentile (p in 0–100) of the values; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export interface Span<T extends string = string> {
  from: number;
  to: number;
  name: T;
}

export interface TimedCue<T extends string = string> {
  /** Seconds from the clip start. */
  t: number;
  /** The fault the cue is about. */
  fault: T;
}

export interface CueScore {
  cues: number;
  /** Cues fired while their fault was present (or within `lingerS` after it ended). */
  rightCues: number;
  faults: number;
  /** Fault intervals whose cue came within `maxDelayS` of the fault starting. */
  caughtFaults: number;
  precision: number;
  recall: number;
  /** For each caught fault, seconds from its start to its first cue. */
  delays: number[];
}

/**
 * A cue is right when a fault of its kind is present at that moment, or
 * ended at most `lingerS` before (a cue may trail a fault by its debounce).
 * A fault is caught when a cue of its kind fires within `maxDelayS` of its
 * start. Precision is 1 and recall 1 when there is nothing to count.
 */
export function scoreCues<T extends string>(
  cues: readonly TimedCue<T>[],
  faults: readonly Span<T>[],
  maxDelayS: number,
  lingerS: number,
): CueScore {
  const right = cues.filter((c) =>
    faults.some((f) => f.name === c.fault && c.t >= f.from && c.t <= f.to + lingerS),
  );
  const delays: number[] = [];
  for (const f of faults) {
    const first = cues.find(
      (c) => c.fault === f.name && c.t >= f.from && c.t <= f.from + maxDelayS,
    );
    if (first) delays.push(first.t - f.from);
  }
  return {
    cues: cues.length,
    rightCues: right.length,
    faults: faults.length,
    caughtFaults: delays.length,
    precision: cues.length ? right.length / cues.length : 1,
    recall: faults.length ? delays.length / faults.length : 1,
    delays,
  };
}

export interface Hold {
  from: number;
  to: number;
}

/**
 * For each true hold, the duration error (seconds) against the found hold
 * that overlaps it most; a true hold nothing overlaps counts its whole
 * duration as the error.
 */
export function holdErrors(truth: readonly Hold[], found: readonly Hold[]): number[] {
  return truth.map((h) => {
    let best: Hold | undefined;
    let bestOverlap = 0;
    for (const f of found) {
      const overlap = Math.min(h.to, f.to) - Math.max(h.from, f.from);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = f;
      }
    }
    const duration = h.to - h.from;
    return best ? Math.abs(best.to - best.from - duration) : duration;
  });
}
