/**
 * "Just start": once the recogniser names a stretch the person may do, a
 * short countdown runs, and coaching of that stretch begins when it ends
 * unless the person declines (a declined stretch is not offered again by
 * countdown; the "Coach it" button still is). A different stretch seen
 * restarts it; nothing recognised for a while cancels it. Pure: time is an
 * argument.
 */
import type { ExerciseId } from './exercise-ids.ts';

export const COUNTDOWN_RULES = {
  /** From the offer to coaching, ms: time to hear it and decline, short enough not to wait on. */
  countdownMs: 3000,
  /**
   * The recogniser may lose its majority for a frame or two while the
   * person settles; only this long without an answer cancels, ms, or
   * 2.5 frame intervals when frames come slower than that.
   */
  lostAfterMs: 1000,
} as const;

export type CountdownState =
  | { kind: 'idle' }
  | { kind: 'counting'; exercise: ExerciseId; secondsLeft: number; startedMs: number }
  | { kind: 'go'; exercise: ExerciseId };

export class RecognitionCountdown {
  private current: { exercise: ExerciseId; startedMs: number } | undefined;
  private lastSeenMs = Number.NEGATIVE_INFINITY;
  private lastMs: number | undefined;
  private intervalMs = 0;
  private readonly declined = new Set<ExerciseId>();

  /** One frame: what the recogniser names now and whether the safety check opened it. */
  update(recognized: ExerciseId | undefined, allowed: boolean, tMs: number): CountdownState {
    if (this.lastMs !== undefined && tMs > this.lastMs) {
      const step = tMs - this.lastMs;
      this.intervalMs = this.intervalMs ? 0.8 * this.intervalMs + 0.2 * step : step;
    }
    this.lastMs = tMs;
    const lostAfterMs = Math.max(COUNTDOWN_RULES.lostAfterMs, 2.5 * this.intervalMs);
    if (recognized && allowed && !this.declined.has(recognized)) {
      this.lastSeenMs = tMs;
      if (this.current?.exercise !== recognized)
        this.current = { exercise: recognized, startedMs: tMs };
    } else if (recognized || tMs - this.lastSeenMs > lostAfterMs) {
      this.current = undefined; // another stretch (declined or closed), or lost for good
    }
    const c = this.current;
    if (!c) return { kind: 'idle' };
    const leftMs = COUNTDOWN_RULES.countdownMs - (tMs - c.startedMs);
    // Go only on a frame that shows the stretch: that is what the coach accepts.
    if (leftMs <= 0 && recognized === c.exercise) {
      this.current = undefined;
      return { kind: 'go', exercise: c.exercise };
    }
    return {
      kind: 'counting',
      exercise: c.exercise,
      secondsLeft: Math.max(1, Math.ceil(leftMs / 1000)),
      startedMs: c.startedMs,
    };
  }

  /** The person said "not this one". */
  decline(): void {
    if (this.current) this.declined.add(this.current.exercise);
    this.current = undefined;
  }
}
