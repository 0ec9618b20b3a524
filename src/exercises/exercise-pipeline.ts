/**
 * The per-frame chain for one chosen exercise, one frame at a time: One Euro
 * smoothing → features → the exercise's checker → feedback policy and hold
 * timer, with each hold named by the side it worked. `analyzeStream` runs it
 * over a recorded stream; the live coach runs it on camera frames. Pure:
 * time is an argument. Lifetime: one exercise, one session.
 */
import type { Side } from '../core/body-points.ts';
import { FeatureStream } from '../core/feature-stream.ts';
import type { Features } from '../core/features.ts';
import { type Hold, HoldTimer } from '../core/hold-timer.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import { type CueEvent, FeedbackPolicy } from '../feedback/feedback-policy.ts';
import type { Checker, CheckerOptions, Verdict } from './checker.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { CHECKERS } from './index.ts';

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
}

export class ExercisePipeline {
  readonly checker: Checker<unknown>;
  private readonly measures = new FeatureStream();
  private readonly policy = new FeedbackPolicy();
  private readonly timer: HoldTimer;
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
    this.state = this.checker.initial(options);
  }

  /** Feeds one frame (null when nobody was found); frames whose time does not move forward are ignored. */
  step(frame: PoseFrame | null, tMs: number): ExerciseStep | undefined {
    if (!(tMs > this.lastMs)) return undefined;
    this.lastMs = tMs;
    const { smoothed, features } = this.measures.next(frame, tMs);
    const step = this.checker.step(this.state, features, tMs);
    this.state = step.state;
    const { verdict } = step;
    const cue = this.policy.update(verdict.raised, tMs);

    const finished = this.timer.holds.length;
    const startedMs = this.timer.active?.startMs;
    this.timer.update(verdict.formGood, tMs);
    this.collectFinished(finished);
    if (this.timer.active?.startMs !== startedMs) this.sideVotes.clear(); // a new hold, or a dropped one
    if (this.timer.active && verdict.formGood && verdict.side)
      this.sideVotes.set(verdict.side, (this.sideVotes.get(verdict.side) ?? 0) + 1);

    const out: ExerciseStep = { tMs, smoothed, features, verdict };
    if (cue) out.cue = cue;
    if (this.timer.active) out.activeHold = this.timer.active;
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
