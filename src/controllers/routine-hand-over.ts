/**
 * A routine's stretch is due (routine-controller.ts `onStretch`): the coach
 * takes it as the stretch picked, drops the last one's summary, and goes
 * straight to setup when the camera and the model are still on from the
 * stretch before, or starts them.
 */
import type { Side } from '../core/body-points.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { FlowEvent } from '../session/coach-flow.ts';
import type { RoutineStep } from '../session/routine.ts';

export interface RoutineHandOverDeps {
  /** The stretch (and, for the twist, the side to start with) as if picked. */
  pick: (exercise: ExerciseId, side: Side | undefined) => void;
  /** Drops the last stretch's session and summary, and its setup checks. */
  clearLast: () => void;
  /** The camera is open and the pose model loaded. */
  running: () => boolean;
  startLongTasks: () => void;
  dispatch: (event: FlowEvent) => void;
}

export function handOverRoutineStretch(step: RoutineStep, d: RoutineHandOverDeps): void {
  d.pick(step.exercise, step.firstSide);
  d.clearLast();
  if (d.running()) {
    d.startLongTasks();
    d.dispatch({ type: 'next-stretch' }); // resumes the loop and watches setup
  } else {
    d.dispatch({ type: 'start' });
  }
}
