/**
 * Carries out today's routine for the live coach: keeps the routine's state
 * (src/session/routine.ts), runs the rest's clock, and says when the next
 * stretch is due (`onStretch`). The coach does the stretch itself: camera,
 * model, setup and session, as for a single stretch.
 * Lifetime: one routine at a time; the rest timer stops with the host.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { CoachHold } from '../session/coach-pipeline.ts';
import {
  type RoutineEvent,
  type RoutineState,
  type RoutineStep,
  routineReducer,
  startRoutine,
  upcomingStep,
} from '../session/routine.ts';

/** How often the rest's countdown is redrawn (and checked for its end), ms. */
const REST_TICK_MS = 250;

export class RoutineController implements ReactiveController {
  /** The routine under way (or just finished), if any. */
  state: RoutineState | undefined;
  /** A stretch of the routine is due: the first, or the next after a rest. */
  onStretch: (step: RoutineStep) => void = () => {};
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** A stretch of a routine is being done or rested after. */
  get active(): boolean {
    return !!this.state && this.state.phase !== 'done';
  }

  get resting(): boolean {
    return this.state?.phase === 'rest';
  }

  /** Starts the routine over what is open; false when none of it is. */
  start(open: readonly ExerciseId[] | undefined): boolean {
    this.state = startRoutine(open, performance.now());
    const first = this.state && upcomingStep(this.state);
    this.host.requestUpdate();
    if (first) this.onStretch(first);
    return !!first;
  }

  /**
   * The current stretch ended: Stop (its holds against the target) or sharp
   * pain (ends the routine). True when the routine goes on to a rest.
   */
  stretchEnded(reason: 'done' | 'sharp-pain', holds: readonly CoachHold[], targetS: number) {
    if (!this.active) return false;
    if (reason === 'sharp-pain') this.dispatch({ type: 'end' });
    else {
      const reached = holds.filter((h) => h.heldMs >= targetS * 1000).length;
      this.dispatch({ type: 'stretch-done', holds: holds.length, reached });
    }
    return this.resting;
  }

  dispatch(event: RoutineEvent): void {
    const before = this.state;
    if (!before) return;
    const after = routineReducer(before, event, performance.now());
    this.state = after;
    if (after.phase === 'rest') this.timer ??= setInterval(() => this.tick(), REST_TICK_MS);
    else this.stopTimer();
    this.host.requestUpdate();
    const moved =
      after.phase === 'stretch' && (before.phase !== 'stretch' || after.index !== before.index);
    const step = upcomingStep(after);
    if (moved && step) this.onStretch(step);
  }

  /** Forgets the routine (back to the picker). */
  clear(): void {
    this.stopTimer();
    this.state = undefined;
  }

  hostDisconnected(): void {
    this.stopTimer();
  }

  private tick() {
    this.dispatch({ type: 'tick' });
  }

  private stopTimer() {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
