/**
 * The live coach's per-frame chain: with a chosen exercise, the same chain
 * `analyzeStream` runs on a recorded stream (src/exercises/exercise-pipeline.ts);
 * without one, smoothing and features only, feeding the recogniser so the
 * app can offer to coach what the person started. Pure: time is an
 * argument. Lifetime: one exercise in one session; make a new one to change
 * exercise.
 */
import { FeatureStream } from '../core/feature-stream.ts';
import type { Features } from '../core/features.ts';
import type { Hold } from '../core/hold-timer.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import type { Checker, CheckerOptions, Verdict } from '../exercises/checker.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { ExercisePipeline, type SidedHold } from '../exercises/exercise-pipeline.ts';
import { ExerciseRecognizer } from '../exercises/recognize-exercise.ts';
import type { CueEvent } from '../feedback/feedback-policy.ts';
import type { ScreenVerdict } from '../feedback/screen-verdict.ts';

/** A finished hold, with the side it worked where the exercise has sides (the twist). */
export type CoachHold = SidedHold;

export interface CoachStep {
  tMs: number;
  /** The smoothed frame the features came from (null: nobody seen). */
  smoothed: PoseFrame | null;
  features: Features;
  /** Undefined when no exercise is chosen. */
  verdict?: Verdict;
  /** The cue to give now, if any. */
  cue?: CueEvent;
  /** The hold in progress, if any. */
  activeHold?: Readonly<Hold>;
  /** The exercise the recogniser sees, when no exercise was chosen. */
  recognized?: ExerciseId;
  /** What the screen shows about the form (banner, ring, skeleton); undefined when no exercise is chosen. */
  screen?: ScreenVerdict;
}

export class CoachPipeline {
  readonly checker: Checker<unknown> | undefined;
  private readonly exercisePipeline: ExercisePipeline | undefined;
  private readonly measures = new FeatureStream();
  private readonly recognizer = new ExerciseRecognizer();
  private lastMs = Number.NEGATIVE_INFINITY;

  /** `exercise` undefined: recognise only. */
  constructor(
    readonly exercise: ExerciseId | undefined,
    options: CheckerOptions = {},
  ) {
    this.exercisePipeline = exercise ? new ExercisePipeline(exercise, options) : undefined;
    this.checker = this.exercisePipeline?.checker;
  }

  /** Feeds one frame (null when nobody was found); frames whose time does not move forward are ignored. */
  step(frame: PoseFrame | null, tMs: number): CoachStep | undefined {
    if (this.exercisePipeline) return this.exercisePipeline.step(frame, tMs);
    if (!(tMs > this.lastMs)) return undefined;
    this.lastMs = tMs;
    const { smoothed, features } = this.measures.next(frame, tMs);
    const recognized = this.recognizer.update(features, tMs);
    return { tMs, smoothed, features, ...(recognized ? { recognized } : {}) };
  }

  /** Finished holds so far, oldest first. */
  get holds(): readonly CoachHold[] {
    return this.exercisePipeline?.holds ?? [];
  }

  /** Ends the hold in progress (session stopped) and returns every hold. */
  end(): readonly CoachHold[] {
    return this.exercisePipeline?.end() ?? [];
  }
}
