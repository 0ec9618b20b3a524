/**
 * One Euro filter (Casiez, Roussel, Vogel 2012): a low-pass filter whose
 * cutoff rises with the signal's speed, so a held pose reads steady while a
 * real movement comes through with little lag. One per coordinate.
 * Time is an argument; timestamps that do not move forward change nothing.
 */

export interface OneEuroOptions {
  /** Cutoff at rest, Hz. Lower = steadier when still, more lag. Default DEFAULT_ONE_EURO.minCutoffHz. */
  minCutoffHz?: number;
  /** How much the cutoff rises per unit/second of speed. Higher = less lag in motion. */
  beta?: number;
  /** Cutoff for the speed estimate itself, Hz. */
  speedCutoffHz?: number;
}

/**
 * Tuned on normalised image coordinates at 10–30 fps (tests/core/one-euro-filter.test.ts):
 * jitter of ±0.005 shrinks to a quarter while still, and a step of 0.1 is
 * 93% through after 100 ms at 30 fps (79% after one frame at 10 fps).
 * A sweep of min cutoff 0.3–1 Hz × beta 5–80 × speed cutoff 0.5–2 Hz chose it.
 */
export const DEFAULT_ONE_EURO: Required<OneEuroOptions> = {
  minCutoffHz: 0.3,
  beta: 10,
  speedCutoffHz: 1,
};

const MIN_STEP_S = 1e-6;

function smoothingFactor(cutoffHz: number, dtS: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtS);
}

export class OneEuroFilter {
  private readonly opts: Required<OneEuroOptions>;
  private value: number | undefined;
  private speed = 0;
  private lastMs = Number.NEGATIVE_INFINITY;

  constructor(options: OneEuroOptions = {}) {
    this.opts = { ...DEFAULT_ONE_EURO, ...options };
    for (const [k, v] of Object.entries(this.opts)) {
      if (!(v >= 0) || !Number.isFinite(v))
        throw new RangeError(`OneEuroFilter: ${k} must be a finite number ≥ 0 (got ${v})`);
    }
  }

  /** The filtered value at `tMs`. Non-finite input is ignored (the last value stands). */
  apply(v: number, tMs: number): number | undefined {
    if (!Number.isFinite(v) || !Number.isFinite(tMs)) return this.value;
    if (this.value === undefined) {
      this.value = v;
      this.lastMs = tMs;
      return v;
    }
    const dtS = (tMs - this.lastMs) / 1000;
    // Under a microsecond apart is the same moment (and would make the speed overflow).
    if (!(dtS >= MIN_STEP_S)) return this.value;
    this.lastMs = tMs;
    const rawSpeed = (v - this.value) / dtS;
    const speed =
      this.speed + smoothingFactor(this.opts.speedCutoffHz, dtS) * (rawSpeed - this.speed);
    const cutoff = this.opts.minCutoffHz + this.opts.beta * Math.abs(speed);
    const value = this.value + smoothingFactor(cutoff, dtS) * (v - this.value);
    if (!Number.isFinite(speed) || !Number.isFinite(value)) {
      // A jump too large for floating point: start again from the new value.
      this.value = v;
      this.speed = 0;
      return v;
    }
    this.speed = speed;
    this.value = value;
    return value;
  }

  /** Whether the filter holds a value yet (0 is a value). */
  hasValue(): boolean {
    return this.value !== undefined;
  }

  reset(): void {
    this.value = undefined;
    this.speed = 0;
    this.lastMs = Number.NEGATIVE_INFINITY;
  }
}
