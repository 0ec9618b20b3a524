/**
 * Times holds as a stopwatch would: a hold runs from the first frame the
 * position is held to the last, and within it the time in good form is
 * counted on its own (`heldMs`). A short break (the position lost or
 * unseen for a moment) pauses the hold and it goes on; a longer one ends it.
 * How long a break may be follows the analysis rate: it is the longer of a
 * floor and a few of the recent frame intervals, so a slow device (one
 * frame a second) times the same holds as a fast one instead of seeing
 * every gap between frames as a break. Time is an argument; frames whose
 * time does not move forward are ignored.
 */

export interface HoldTimerOptions {
  /** Longest break that only pauses a hold at a high frame rate, ms: the floor of the tolerance. */
  breakToleranceMs?: number;
  /** The tolerance is at least this many recent frame intervals (their median). */
  breakIntervals?: number;
  /** …and never more than this, ms: a gap this long is no pause inside a hold, whatever the rate. */
  maxBreakToleranceMs?: number;
  /** Frame intervals the median is taken over. */
  intervalWindow?: number;
  /** Holds shorter than this (first to last held frame) are dropped when they end, ms (a flicker is no hold). */
  minHoldMs?: number;
}

export const DEFAULT_HOLD_TIMER: Required<HoldTimerOptions> = {
  /** EXERCISES.md: a break under about a second pauses, a longer one ends the hold. */
  breakToleranceMs: 1000,
  /**
   * 2.5 intervals: one missed or off frame only pauses a hold (a gap of 2
   * intervals, with room for timer jitter), two in a row end it (3
   * intervals), at any rate. Without it, at 1 frame a second every gap
   * between two good frames read as a break and no hold was ever timed.
   */
  breakIntervals: 2.5,
  /** Down to 0.5 frames a second (2.5 × 2 s); slower than that a hold is not timed (the coach warns). */
  maxBreakToleranceMs: 5000,
  /** ~1 s at 10 frames a second, ~9 s at 1: one odd gap (a pause, a slow frame) does not move the median. */
  intervalWindow: 9,
  minHoldMs: 1000,
};

export interface Hold {
  /** First and last frame with the position held, ms. */
  startMs: number;
  endMs: number;
  /** Good-form time within the hold, ms (breaks and frames not judged good excluded). */
  heldMs: number;
}

export class HoldTimer {
  private readonly opts: Required<HoldTimerOptions>;
  private current: Hold | undefined;
  private lastMs = Number.NEGATIVE_INFINITY;
  private lastFrameGood = false;
  /** Good-form time over frames out of the position inside the hold, ms: kept if the hold goes on. */
  private pendingGoodMs = 0;
  private readonly done: Hold[] = [];
  /** The most recent frame intervals, ms, oldest first. */
  private readonly intervals: number[] = [];

  constructor(options: HoldTimerOptions = {}) {
    this.opts = { ...DEFAULT_HOLD_TIMER, ...options };
  }

  /**
   * Feeds one frame: `held` is true while the position is held (false or
   * undefined: left, or cannot be seen); `good` whether the form is judged
   * good on it (only good time counts toward `heldMs`; undefined: not
   * judged), the same as `held` when left out.
   */
  update(held: boolean | undefined, tMs: number, ...form: [good?: boolean | undefined]): void {
    // Given as undefined (not judged) is not the same as left out: no default parameter.
    const good = form.length ? form[0] : held;
    if (!Number.isFinite(tMs) || tMs <= this.lastMs) return;
    const previousMs = this.lastMs;
    const previousGood = this.lastFrameGood;
    this.lastMs = tMs;
    this.lastFrameGood = good === true;
    if (Number.isFinite(previousMs)) {
      this.intervals.push(tMs - previousMs);
      if (this.intervals.length > this.opts.intervalWindow) this.intervals.shift();
    }
    if (this.current && tMs - this.current.endMs > this.breakToleranceMs) this.finish();
    // Good frame after good frame: the interval is good-form time; after a frame not judged
    // good, it is not.
    const goodStepMs = previousGood && this.lastFrameGood ? tMs - previousMs : 0;
    if (held !== true) {
      // A moment out of the position inside the hold (a fidget, the stillness check
      // flickering) that the hold may yet ride over: good form through it counts if it does.
      // Without this, a good twist whose stillness flickered counted 3.5 s of a 6.2 s hold.
      if (this.current) this.pendingGoodMs += goodStepMs;
      return;
    }
    if (!this.current) {
      this.current = { startMs: tMs, endMs: tMs, heldMs: 0 };
      this.pendingGoodMs = 0;
      return;
    }
    this.current.heldMs += this.pendingGoodMs + goodStepMs;
    this.pendingGoodMs = 0;
    this.current.endMs = tMs;
  }

  /** Median of the recent frame intervals, ms; undefined before the second frame. */
  get frameIntervalMs(): number | undefined {
    if (!this.intervals.length) return undefined;
    const sorted = [...this.intervals].sort((a, b) => a - b);
    // The lower median: of two intervals, a long first gap does not stretch the tolerance.
    return sorted[Math.floor((sorted.length - 1) / 2)];
  }

  /** How many recent intervals the median rests on (at most `intervalWindow`). */
  get intervalCount(): number {
    return this.intervals.length;
  }

  /** The longest break that only pauses the hold now, ms. */
  get breakToleranceMs(): number {
    const { breakToleranceMs, breakIntervals, maxBreakToleranceMs } = this.opts;
    const fromRate = (this.frameIntervalMs ?? 0) * breakIntervals;
    return Math.max(breakToleranceMs, Math.min(maxBreakToleranceMs, fromRate));
  }

  private finish(): void {
    const c = this.current;
    if (c && c.endMs - c.startMs >= this.opts.minHoldMs) this.done.push(c);
    this.current = undefined;
    this.pendingGoodMs = 0;
  }

  /** Ends any hold in progress (the session stopped). */
  end(): void {
    this.finish();
  }

  /** The hold in progress, if any. */
  get active(): Readonly<Hold> | undefined {
    return this.current;
  }

  /** Finished holds, oldest first. */
  get holds(): readonly Hold[] {
    return this.done;
  }

  reset(): void {
    this.current = undefined;
    this.lastFrameGood = false;
    this.lastMs = Number.NEGATIVE_INFINITY;
    this.done.length = 0;
    this.intervals.length = 0;
  }
}
