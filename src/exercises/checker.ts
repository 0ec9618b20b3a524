/**
 * What every exercise checker is: a pure reducer from the features of one
 * frame (and its own previous state) to a verdict. It raises the cues whose
 * conditions hold now (never from an unknown measure); the feedback policy
 * decides when to say them, and the hold timer counts good form.
 */
import type { Side } from '../core/body-points.ts';
import type { Features } from '../core/features.ts';
import type { HoldTimerOptions } from '../core/hold-timer.ts';
import type { CueCode } from '../feedback/cue-vocabulary.ts';
import type { ExerciseId } from './exercise-ids.ts';

export const PHASES = ['setup', 'in-position', 'holding', 'resting'] as const;
export type Phase = (typeof PHASES)[number];

export interface Verdict {
  phase: Phase;
  /** Cues whose condition holds on this frame. */
  raised: CueCode[];
  /** Form good right now: true counts toward a hold; undefined when it cannot be judged. */
  formGood: boolean | undefined;
  /** The measures behind the verdict, with units in their names; undefined = unknown. */
  metrics: Record<string, number | undefined>;
  /** The side this frame's effort works (the twist's direction), where the exercise has sides. */
  side?: Side;
  /**
   * Form checks this view cannot make on this frame (e.g. `palms-together`
   * when the far wrist is hidden, `support-neck` when neither wrist is
   * seen near the head): reported as not judged, never cued, and no praise
   * is given while any is listed (issue 14). Absent or empty: all judged.
   */
  notJudged?: CueCode[];
}

/** What the coach has asked for, where it matters to the checker. */
export interface CheckerOptions {
  /**
   * The side the person was asked to work (the twist: the bent knee's
   * side). Without it, the side is whichever way the person turns, and
   * turning the wrong way cannot be told.
   */
  side?: Side;
}

export interface Checker<State> {
  readonly exercise: ExerciseId;
  /** How this exercise's holds are timed, where it differs from the default. */
  readonly holdOptions?: HoldTimerOptions;
  initial(options?: CheckerOptions): State;
  step(state: State, features: Features, tMs: number): { state: State; verdict: Verdict };
}
