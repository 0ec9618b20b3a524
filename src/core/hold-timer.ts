/**
 * Counts hold time only while the form is good. A short break (form lost
 * or unseen for less than `breakToleranceMs`) pauses the count and the hold
 * goes on; a longer one ends it. Time is an argument; frames whose time does
 * not move forward are ignored.
 */

export interface HoldTimerOptions {
  /** Longest break that only pauses a hold, ms. Default DEFAULT_HOLD_TIMER.breakToleranceMs. */
  breakToleranceMs?: number;
  /** Holds shorter than this are dropped when they end, ms (a flicker of good form is no hold). */
  minHoldMs?: number;
}

export const DEFAULT_HOLD_TIMER: Required<HoldTimerOptions> = {
  /** EXERCISES.md: a break under about a second pauses, a longer one ends the hold. */
  breakToleranceMs: 1000,
  minHoldMs: 1000,
};

export interface Hold {
  /** First and last good frame, ms. */
  startMs: number;
  endMs: number;
  /** Good-form time counted, ms (pauses excluded). */
  heldMs: number;
}

export class HoldTimer {
  private readonly opts: Required<HoldTimerOptions>;
  private current: Hold | undefined;
  private lastMs = Number.NEGATIVE_INFINITY;
  private lastFrameGood = false;
  private readonly done: Hold[] = [];

  constructor(options: HoldTimerOptions = {}) {
    this.opts = { ...DEFAULT_HOLD_TIMER, ...options };
  }

  /** Feeds one frame: `good` is false or undefined when the form is off or cannot be seen. */
  update(good: boolean | undefined, tMs: number): void {
    if (!Number.isFinite(tMs) || tMs <= this.lastMs) return;
    const previousMs = this.lastMs;
    const previousGood = this.lastFrameGood;
    this.lastMs = tMs;
    this.lastFrameGood = good === true;
    if (this.current && tMs - this.current.endMs > this.opts.breakToleranceMs) this.finish();
    if (good !== true) return;
    if (!this.current) {
      this.current = { startMs: tMs, endMs: tMs, heldMs: 0 };
      return;
    }
    // Good frame after good frame: the interval counts. After a short break: resume, the break does not.
    if (previousGood) this.current.heldMs += tMs - previousMs;
    this.current.endMs = tMs;
  }

  private finish(): void {
    if (this.current && this.current.heldMs >= this.opts.minHoldMs) this.done.push(this.current);
    this.current = undefined;
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
  }
}
