/**
 * Today's upper-back routine: the three stretches one after the other (the
 * roller, the seated twist on both sides, child's pose) with a short rest
 * between them, all under the one daily check. A pure reducer: the state,
 * an event and the time in; the next state out. The live coach carries it
 * out (camera, model and sessions stay its business).
 */
import type { Side } from '../core/body-points.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';

export interface RoutineStep {
  exercise: ExerciseId;
  /** The twist's first side; the coach moves to the other by itself once a hold there is done. */
  firstSide?: Side;
}

/**
 * The order, with why: the roller first, to loosen the upper back while
 * fresh; the twist next (seated, both sides in one go: the coach switches
 * sides once a hold reached the target); child's pose last, the gentlest,
 * as a cool-down.
 */
export const ROUTINE_PLAN: readonly RoutineStep[] = [
  { exercise: 'foam-roller' },
  { exercise: 'seated-twist', firstSide: 'left' },
  { exercise: 'childs-pose' },
];

export const ROUTINE_TIMING = {
  /**
   * Rest between stretches, ms: long enough to get up, move the laptop to
   * the next stretch's camera place and settle; short enough to stay warm.
   * The person can go on sooner.
   */
  restMs: 30_000,
} as const;

export type RoutinePhase = 'stretch' | 'rest' | 'done';

/** What one stretch of the routine came to (for the routine's own summary). */
export interface RoutineStepResult {
  exercise: ExerciseId;
  /** Holds (roller: pauses) in good form. */
  holds: number;
  /** …of which reached the hold target. */
  reached: number;
  skipped: boolean;
}

export interface RoutineState {
  steps: readonly RoutineStep[];
  /** The stretch being done, or (resting) the one just done. */
  index: number;
  phase: RoutinePhase;
  startedMs: number;
  /** While resting: when the next stretch starts by itself. */
  restEndsMs?: number;
  results: RoutineStepResult[];
  /** Ended before the last stretch (the person chose to stop, or sharp pain). */
  endedEarly: boolean;
}

export type RoutineEvent =
  /** The current stretch was stopped (Stop): its holds. */
  | { type: 'stretch-done'; holds: number; reached: number }
  /** Skip the current stretch (while doing it or during the rest before it). */
  | { type: 'skip' }
  /** Time passes (ends the rest when it is over). */
  | { type: 'tick' }
  /** Go on to the next stretch now, without waiting out the rest. */
  | { type: 'next-now' }
  /** End the whole routine now. */
  | { type: 'end' };

/** The routine's stretches among those open today, in order; empty when none is. */
export function planRoutine(open: readonly ExerciseId[] | undefined): RoutineStep[] {
  return ROUTINE_PLAN.filter((s) => !open || open.includes(s.exercise));
}

/** A routine starting now, or undefined when no stretch of it is open. */
export function startRoutine(
  open: readonly ExerciseId[] | undefined,
  tMs: number,
): RoutineState | undefined {
  const steps = planRoutine(open);
  if (!steps.length) return undefined;
  return { steps, index: 0, phase: 'stretch', startedMs: tMs, results: [], endedEarly: false };
}

/** The stretch being done or, while resting, the one coming next. */
export function upcomingStep(state: RoutineState): RoutineStep | undefined {
  return state.phase === 'rest' ? state.steps[state.index + 1] : state.steps[state.index];
}

/** Rest left, ms (0 when not resting). */
export function restLeftMs(state: RoutineState, tMs: number): number {
  return state.phase === 'rest' && state.restEndsMs !== undefined
    ? Math.max(0, state.restEndsMs - tMs)
    : 0;
}

const isLast = (s: RoutineState) => s.index >= s.steps.length - 1;

/** After the stretch at `index` is over (done or skipped): rest before the next, or done. */
function afterStretch(
  s: RoutineState,
  result: RoutineStepResult,
  tMs: number,
  restMs: number,
): RoutineState {
  const results = [...s.results, result];
  if (isLast(s)) return { ...s, results, phase: 'done', restEndsMs: undefined };
  return { ...s, results, phase: 'rest', restEndsMs: tMs + restMs };
}

/** Moves on to the stretch after the rest. */
function nextStretch(s: RoutineState): RoutineState {
  return { ...s, index: s.index + 1, phase: 'stretch', restEndsMs: undefined };
}

export function routineReducer(
  s: RoutineState,
  e: RoutineEvent,
  tMs: number,
  restMs: number = ROUTINE_TIMING.restMs,
): RoutineState {
  if (s.phase === 'done') return s;
  const step = s.steps[s.index]!;
  switch (e.type) {
    case 'stretch-done':
      if (s.phase !== 'stretch') return s;
      return afterStretch(
        s,
        { exercise: step.exercise, holds: e.holds, reached: e.reached, skipped: false },
        tMs,
        restMs,
      );
    case 'skip': {
      if (s.phase === 'stretch') {
        const skipped = { exercise: step.exercise, holds: 0, reached: 0, skipped: true };
        // Skipping goes straight on: the rest is for after a stretch actually done.
        const after = afterStretch(s, skipped, tMs, restMs);
        return after.phase === 'rest' ? nextStretch(after) : after;
      }
      // Resting: the stretch coming next is skipped; the rest runs on before the one after it.
      const next = s.steps[s.index + 1]!;
      const moved: RoutineState = {
        ...s,
        index: s.index + 1,
        results: [...s.results, { exercise: next.exercise, holds: 0, reached: 0, skipped: true }],
      };
      return isLast(moved) ? { ...moved, phase: 'done', restEndsMs: undefined } : moved;
    }
    case 'tick':
      return s.phase === 'rest' && restLeftMs(s, tMs) === 0 ? nextStretch(s) : s;
    case 'next-now':
      return s.phase === 'rest' ? nextStretch(s) : s;
    case 'end':
      return { ...s, phase: 'done', restEndsMs: undefined, endedEarly: true };
  }
}
