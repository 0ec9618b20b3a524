/**
 * Whether the device analyses enough frames a second for what the coach
 * measures over time, and a plain warning with what to do when it does not.
 * The rate is the median of the hold timer's recent frame intervals. Pure.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { FOAM_ROLLER_CONFIG } from '../exercises/foam-roller/config.ts';

export const ANALYSIS_RATE = {
  /**
   * Holds, frames a second. A hold is timed to within one frame interval
   * (the hold timer's tolerance follows the rate); at 0.8 a second that is
   * 1.25 s, under a tenth of the shortest hold target (15 s). Slower, the
   * ring moves in jumps and a break of two seconds cannot be told from a
   * slow frame.
   */
  holdsMinPerS: 0.8,
  /**
   * The roller's speed check, frames a second: "too fast" needs
   * `tooFastMinFrames` settled speeds within `tooFastWindowMs` (3 in
   * 1.5 s), which a rate of 2 a second just gives.
   */
  rollerSpeedMinPerS:
    FOAM_ROLLER_CONFIG.tooFastMinFrames / (FOAM_ROLLER_CONFIG.tooFastWindowMs / 1000),
  /** A warning shown goes only once the rate is this much above its line: no flicker at the line. */
  clearFactor: 1.2,
  /** Intervals measured before the rate is trusted: the first frames of a session come unevenly. */
  minIntervals: 5,
} as const;

export type RateProblem = 'holds' | 'roller-speed';

/** What the coach cannot do at this rate, if anything; `shown` is the problem shown on the last frame. */
export function rateProblem(
  exercise: ExerciseId,
  framesPerS: number | undefined,
  intervals: number,
  shown: RateProblem | undefined,
): RateProblem | undefined {
  if (framesPerS === undefined || intervals < ANALYSIS_RATE.minIntervals) return shown;
  const below = (line: number, problem: RateProblem) =>
    framesPerS < (shown === problem ? line * ANALYSIS_RATE.clearFactor : line);
  if (below(ANALYSIS_RATE.holdsMinPerS, 'holds')) return 'holds';
  if (exercise === 'foam-roller' && below(ANALYSIS_RATE.rollerSpeedMinPerS, 'roller-speed'))
    return 'roller-speed';
  return undefined;
}

const WHAT_TO_DO =
  'Close other apps and browser tabs, or stop and choose a lighter model in Settings (MediaPipe lite).';

/** The warning shown for a problem, with the measured rate. */
export function rateWarning(problem: RateProblem, framesPerS: number): string {
  const r = framesPerS < 10 ? Math.round(framesPerS * 10) / 10 : Math.round(framesPerS);
  const rate = `${r} frame${r === 1 ? '' : 's'} a second`;
  return problem === 'holds'
    ? `This device analyses only ${rate}: too few to time your holds. ${WHAT_TO_DO}`
    : `This device analyses only ${rate}: too few to judge your rolling speed, so roll slowly. ${WHAT_TO_DO}`;
}
