/**
 * What the live coach answers to the hands-free signals, as pure rules: a
 * gesture (exercises/pose-gestures.ts) gives a flow event, words, and
 * whether "Did it hurt?" goes on screen; the accept countdown
 * (exercises/recognition-countdown.ts) is announced once per countdown.
 * controllers/coach-gesture-controller.ts carries the answers out.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { GestureEvent } from '../exercises/pose-gestures.ts';
import type { CountdownState } from '../exercises/recognition-countdown.ts';
import type { FlowEvent } from './coach-flow.ts';

export interface GestureContext {
  paused: boolean;
  /** The camera stopped: only Try again resumes, never a pose. */
  cameraFailed: boolean;
  /** The stretch coached (undefined: still recognising). */
  exercise: ExerciseId | undefined;
}

export interface GestureResponse {
  event: FlowEvent;
  /** The cue on screen and the spoken queue are dropped first (the person moved). */
  hush: boolean;
  say: string;
  /** Spoken as safety: never cut off. */
  safety: boolean;
  /** "Did it hurt?" goes on screen; its answer picks the summary or the advice. */
  askHurt: boolean;
}

export const GESTURE_WORDS = {
  stopped: 'Stopped. Did it hurt?',
  pausedChild: 'Paused. Fold forward again to go on.',
  pausedRoller: 'Paused. Lie back on the roller to go on.',
  resumed: 'Resumed',
  countdown: 'Coaching it in 3 seconds. Press N if it is not.',
  declined: 'All right. Press C when you want it coached.',
} as const;

/** Whether this frame began a countdown (a first one, or one restarted for another stretch). */
export function countdownBegan(before: CountdownState, after: CountdownState): boolean {
  return (
    after.kind === 'counting' &&
    (before.kind !== 'counting' || before.startedMs !== after.startedMs)
  );
}

/** The coach's answer to a gesture, or undefined when it changes nothing here. */
export function gestureResponse(g: GestureEvent, c: GestureContext): GestureResponse | undefined {
  switch (g) {
    case 'stop':
      // Halt at once and ask: a stop gesture may mean it hurt.
      return {
        event: { type: 'pause', keepWatching: false },
        hush: true,
        say: GESTURE_WORDS.stopped,
        safety: true,
        askHurt: true,
      };
    case 'pause':
      if (c.paused) return undefined;
      return {
        // Frames still go to the gestures: going back into the stretch resumes.
        event: { type: 'pause', keepWatching: true },
        hush: true,
        say: c.exercise === 'childs-pose' ? GESTURE_WORDS.pausedChild : GESTURE_WORDS.pausedRoller,
        safety: false,
        askHurt: false,
      };
    case 'resume':
      if (!c.paused || c.cameraFailed) return undefined;
      return {
        event: { type: 'resume' },
        hush: false,
        say: GESTURE_WORDS.resumed,
        safety: false,
        askHurt: false,
      };
  }
}
