/**
 * The live coach's per-frame chain, the same one `analyzeStream`
 * (src/exercises/analyze-stream.ts) runs on a recorded stream: One Euro
 * smoothing → features → the exercise's checker → feedback policy and hold
 * timer, one frame at a time as frames arrive from the camera. Without a
 * chosen exercise it runs the recogniser instead, so the app can offer to
 * coach what the person started. Pure: time is an argument. Lifetime: one
 * exercise in one session; make a new one to change exercise.
 */
import type { Side } from '../core/body-points.ts';
import { computeFeatures, type Features, nothingSeen } from '../core/features.ts';
import { type Hold, HoldTimer } from '../core/hold-timer.ts';
import { LandmarkSmoother } from '../core/landmark-smoother.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import type { Checker, CheckerOptions, Verdict } from '../exercises/checker.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { CHECKERS } from '../exercises/index.ts';
import { ExerciseRecognizer } from '../exercises/recognize-exercise.ts';
import { type CueEvent, FeedbackPolicy } from '../feedback/feedback-policy.ts';

/** A finished hold, with the side it worked where the exercise has sides (the twist). */
export interface CoachHold extends Hold {
  side?: Side;
}

export interface CoachStep {
  tMs: number;
  /** The smoothed frame the features came from (null: nobody seen). */
  smoothed: PoseFrame | null;
  features: Features;
  /** Undefined when the exercise has no checker (or none is chosen). */
  verdict?: Verdict;
  /** The cue to give now, if any. */
  cue?: CueEvent;
  /** The hold in progress, if any. */
  activeHold?: Readonly<Hold>;
  /** The exercise the recogniser sees, when no exercise was chosen. */
  recognized?: ExerciseId;
}

export class CoachPipeline {
  readonly checker: Checker<unknown> | undefined;
  private readonly smoother = new LandmarkSmoother();
  private readonly policy = new FeedbackPolicy();
  private readonly timer: HoldTimer;
  private readonly recognizer = new ExerciseRecognizer();
  private state: unknown;
  private lastMs = Number.NEGATIVE_INFINITY;
  /** Good frames per side in the hold in progress (its side is the majority's). */
  private readonly sideVotes = new Map<Side, number>();
  private readonly done: CoachHold[] = [];

  /**
   * `exercise` undefined: recognise only. An exercise without a checker
   * (one still being written): features only, no cues or holds.
   */
  constructor(
    readonly exercise: ExerciseId | undefined,
    options: CheckerOptions = {},
  ) {
    this.checker = exercise ? (CHECKERS as Partial<typeof CHECKERS>)[exercise] : undefined;
    this.timer = new HoldTimer(this.checker?.holdOptions);
    this.state = this.checker?.initial(options);
  }

  /** Feeds one frame (null when nobody was found); frames whose time does not move forward are ignored. */
  step(frame: PoseFrame | null, tMs: number): CoachStep | undefined {
    if (!(tMs > this.lastMs)) return undefined;
    this.lastMs = tMs;
    let smoothed: PoseFrame | null = null;
    let features: Features;
    if (frame) {
      smoothed = this.smoother.apply({ ...frame, tMs });
      features = computeFeatures(smoothed);
    } else {
      this.smoother.markMissing(tMs);
      features = nothingSeen(tMs);
    }
    const out: CoachStep = { tMs, smoothed, features };
    if (!this.exercise) {
      out.recognized = this.recognizer.update(features, tMs);
      return out;
    }
    if (!this.checker) return out;
    const step = this.checker.step(this.state, features, tMs);
    this.state = step.state;
    out.verdict = step.verdict;
    out.cue = this.policy.update(step.verdict.raised, tMs);
    const finished = this.timer.holds.length;
    const startedMs = this.timer.active?.startMs;
    this.timer.update(step.verdict.formGood, tMs);
    this.collectFinished(finished);
    if (this.timer.active?.startMs !== startedMs) this.sideVotes.clear(); // a new or dropped hold
    const side = step.verdict.side;
    if (this.timer.active && step.verdict.formGood && side) {
      this.sideVotes.set(side, (this.sideVotes.get(side) ?? 0) + 1);
    }
    out.activeHold = this.timer.active;
    return out;
  }

  private collectFinished(before: number) {
    for (const hold of this.timer.holds.slice(before)) {
      const [best] = [...this.sideVotes].sort((a, b) => b[1] - a[1]);
      this.done.push(best ? { ...hold, side: best[0] } : { ...hold });
      this.sideVotes.clear();
    }
  }

  /** Finished holds so far, oldest first. */
  get holds(): readonly CoachHold[] {
    return this.done;
  }

  /** Ends the hold in progress (session stopped) and returns every hold. */
  end(): readonly CoachHold[] {
    const before = this.timer.holds.length;
    this.timer.end();
    this.collectFinished(before);
    return this.done;
  }
}
