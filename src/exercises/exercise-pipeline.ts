/**
 * The per-frame chain for one chosen exercise, one frame at a time: One Euro
 * smoothing → features → the exercise's checker → hold timer and feedback
 * policy → the screen's verdict (banner, ring, skeleton from one
 * judgement), with each hold named by the side it worked. `analyzeStream` runs it
 * over a recorded stream; the live coach runs it on camera frames. Pure:
 * time is an argument. Lifetime: one exercise, one session.
 */
import type { Side } from '../core/body-points.ts';
import { FeatureStream } from '../core/feature-stream.ts';
import type { Features } from '../core/features.ts';
import { type Hold, HoldTimer } from '../core/hold-timer.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import { type CueEvent, FeedbackPolicy } from '../feedback/feedback-policy.ts';
import {
  countsAsGood,
  faultsOf,
  type ScreenVerdict,
  ScreenVerdictTracker,
} from '../feedback/screen-verdict.ts';
import type { Checker, CheckerOptions, Verdict } from './checker.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { CHECKERS } from './index.ts';

/**
 * Good-form time a hold needs before it is praised, ms. Dev set (issue 14,
 * 14:58 UTC, 108 clips, holds timed as a stopwatch would): praise from the
 * first good frame gave 9 (MediaPipe) and 12 (tfjs) false praise, nearly all
 * in a hold's first seconds over a fault the checker had not seen yet; from
 * 2.5 s, 3 and 6 (1.5 s: 5 and 9), with 96 and 81 praises left of 149 and 122.
 */
export const PRAISE_AFTER_GOOD_MS = 2500;

/** A finished hold, with the side it worked where the exercise has sides (the twist). */
export interface SidedHold extends Hold {
  side?: Side;
}

export interface ExerciseStep {
  tMs: number;
  /** The smoothed frame the features came from (null: nobody seen). */
  smoothed: PoseFrame | null;
  features: Features;
  verdict: Verdict;
  /** The cue to give now, if any. */
  cue?: CueEvent;
  /** The hold in progress, if any. */
  activeHold?: Readonly<Hold>;
  /** What the screen shows about the form on this frame. */
  screen: ScreenVerdict;
}

export class ExercisePipeline {
  readonly checker: Checker<unknown>;
  private readonly measures = new FeatureStream();
  private readonly policy = new FeedbackPolicy();
  private readonly timer: HoldTimer;
  private readonly screen: ScreenVerdictTracker;
  private state: unknown;
  private lastMs = Number.NEGATIVE_INFINITY;
  /** Good frames per side in the hold in progress (its side is the majority's). */
  private readonly sideVotes = new Map<Side, number>();
  private readonly done: SidedHold[] = [];

  constructor(
    readonly exercise: ExerciseId,
    options: CheckerOptions = {},
  ) {
    this.checker = CHECKERS[exercise];
    this.timer = new HoldTimer(this.checker.holdOptions);
    this.screen = new ScreenVerdictTracker(exercise);
    this.state = this.checker.initial(options);
  }

  /**
   * Feeds one frame (null when nobody was found); frames whose time does not
   * move forward, or is not a finite number, are ignored (one frame stamped
   * Infinity would otherwise make every later frame look old: a frozen coach).
   */
  step(frame: PoseFrame | null, tMs: number): ExerciseStep | undefined {
    if (!Number.isFinite(tMs) || !(tMs > this.lastMs)) return undefined;
    this.lastMs = tMs;
    const { smoothed, features } = this.measures.next(frame, tMs);
    const step = this.checker.step(this.state, features, tMs);
    this.state = step.state;
    const { verdict } = step;
    // A frame with any fault raised never counts as good form, so the ring and the banner
    // cannot disagree. The hold itself runs while the position is held (a stopwatch's
    // hold), whether or not every check can be judged; a fault seen ends it.
    const good = countsAsGood(verdict);
    const held = verdict.phase === 'holding' && faultsOf(verdict).length === 0;

    const finished = this.timer.holds.length;
    const startedMs = this.timer.active?.startMs;
    this.timer.update(held, tMs, good);
    this.collectFinished(finished);
    const hold = this.timer.active;
    if (hold?.startMs !== startedMs) this.sideVotes.clear(); // a new hold, or a dropped one
    if (hold && good && verdict.side)
      this.sideVotes.set(verdict.side, (this.sideVotes.get(verdict.side) ?? 0) + 1);

    // Praise only once the hold has some good-form time behind it, never over a fault, never
    // at a standstill, never while a part of the form cannot be seen from this view.
    const praiseAllowed =
      held &&
      good === true &&
      hold !== undefined &&
      hold.heldMs >= PRAISE_AFTER_GOOD_MS &&
      !verdict.notJudged?.length;
    const cue = this.policy.update(verdict.raised, tMs, praiseAllowed);
    const intervalMs = this.timer.frameIntervalMs;
    const screen = this.screen.update({
      tMs,
      verdict,
      cue,
      // The ring counts only on a frame that adds good-form time to the hold.
      hold: held ? hold : undefined,
      framesPerS: intervalMs ? 1000 / intervalMs : undefined,
      intervals: this.timer.intervalCount,
    });

    const out: ExerciseStep = { tMs, smoothed, features, verdict, screen };
    if (cue) out.cue = cue;
    if (hold) out.activeHold = hold;
    return out;
  }

  private collectFinished(before: number): void {
    for (const hold of this.timer.holds.slice(before)) {
      const [best] = [...this.sideVotes].sort((a, b) => b[1] - a[1]);
      this.done.push(best ? { ...hold, side: best[0] } : { ...hold });
      this.sideVotes.clear();
    }
  }

  /** Finished holds so far, oldest first. */
  get holds(): readonly SidedHold[] {
    return this.done;
  }

  /** Ends the hold in progress (the session stopped) and returns every hold. */
  end(): readonly SidedHold[] {
    const before = this.timer.holds.length;
    this.timer.end();
    this.collectFinished(before);
    return this.done;
  }
}
