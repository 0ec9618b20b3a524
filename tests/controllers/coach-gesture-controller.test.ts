/**
 * CoachGestureController with the real coach-flow reducer: the stop
 * gesture halts at once and asks "Did it hurt?" (safety speech, after the
 * queue is hushed, focus sent to the question) and no pose reaches the
 * session until it is answered; the pause gesture pauses but keeps
 * watching; resume needs a working camera; the accept countdown is
 * announced once and coaches the stretch when it runs out.
 */
import { describe, expect, it } from 'vitest';
import { CoachGestureController } from '../../src/controllers/coach-gesture-controller.ts';
import type { HandsFreeController } from '../../src/controllers/hands-free-controller.ts';
import type { ExerciseId } from '../../src/exercises/exercise-ids.ts';
import type { GestureEvent } from '../../src/exercises/pose-gestures.ts';
import type { CountdownState } from '../../src/exercises/recognition-countdown.ts';
import type { PoseResult } from '../../src/pose/worker/pose-worker-client.ts';
import {
  type CoachFlowState,
  coachFlow,
  type FlowEvent,
  INITIAL_FLOW,
} from '../../src/session/coach-flow.ts';
import { GESTURE_WORDS } from '../../src/session/coach-gestures.ts';

const pose = (tMs: number) => ({ tMs, frame: null }) as unknown as PoseResult;

/** `recognising`: no stretch picked, the recogniser names it. */
function rig(picked: ExerciseId | 'recognising' = 'foam-roller') {
  const exercise = picked === 'recognising' ? undefined : picked;
  let state: CoachFlowState = INITIAL_FLOW;
  const run = (e: FlowEvent) => {
    state = coachFlow(state, e, 0);
  };
  run({ type: 'start' });
  run({ type: 'camera-opened', run: state.run });
  run({ type: 'engine-ready', run: state.run, note: '' });
  run({ type: 'start-now' });
  const log: string[] = [];
  const session = {
    exercise,
    step: undefined as { recognized?: ExerciseId } | undefined,
    clearCue: () => log.push('clear-cue'),
  };
  const env = { cameraFailed: false, accepted: 0 };
  const g = new CoachGestureController({
    flow: () => state,
    dispatch: (e) => {
      log.push(`flow:${e.type}`);
      run(e);
    },
    session: () => session as never,
    say: (text, safety) => log.push(`say${safety ? '!' : ''}:${text}`),
    hush: () => log.push('hush'),
    cameraFailed: () => env.cameraFailed,
    isAllowed: () => true,
    accept: () => {
      env.accepted++;
      session.exercise = session.step?.recognized;
    },
    focusHurt: () => log.push('focus-hurt'),
    requestUpdate: () => {},
  });
  g.start(exercise);
  // The detector's answers are the test's: the next gesture, and the countdown's state.
  const next: { gesture?: GestureEvent; offer: CountdownState; exercises: unknown[] } = {
    offer: { kind: 'idle' },
    exercises: [],
  };
  let poses = 0;
  g.handsFree = {
    onPose: () => {
      poses++;
      const gesture = next.gesture;
      next.gesture = undefined;
      return gesture;
    },
    offer: { kind: 'idle' },
    onRecognized(this: { offer: CountdownState }) {
      this.offer = next.offer;
      return next.offer;
    },
    setExercise: (e: unknown) => next.exercises.push(e),
    decline(this: { offer: CountdownState }) {
      this.offer = { kind: 'idle' };
    },
  } as unknown as HandsFreeController;
  return { g, log, session, env, next, state: () => state, poses: () => poses };
}

describe('CoachGestureController', () => {
  it('a pose with no gesture goes on to the session', () => {
    const r = rig();
    expect(r.g.watch(pose(0))).toBe(true);
    expect(r.log).toEqual([]);
  });

  it('stop halts without watching, hushes, asks as safety and focuses the question', () => {
    const r = rig();
    r.next.gesture = 'stop';
    expect(r.g.watch(pose(0))).toBe(false);
    expect(r.g.askHurt).toBe(true);
    expect(r.state()).toMatchObject({ paused: true, pausedByPose: false });
    expect(r.state().effects).toEqual([{ type: 'set-paused', paused: true, keepWatching: false }]);
    expect(r.log).toEqual([
      'flow:pause',
      'clear-cue',
      'hush',
      `say!:${GESTURE_WORDS.stopped}`,
      'focus-hurt',
    ]);
    // While the question is up nothing reaches the detector or the session.
    expect(r.g.watch(pose(100))).toBe(false);
    expect(r.poses()).toBe(1);
    r.g.resumed();
    expect(r.g.askHurt).toBe(false);
  });

  it('stop after a pose pause still asks (the flow stays paused)', () => {
    const r = rig();
    r.next.gesture = 'pause';
    r.g.watch(pose(0));
    r.next.gesture = 'stop';
    expect(r.g.watch(pose(100))).toBe(false);
    expect(r.g.askHurt).toBe(true);
    expect(r.log.at(-2)).toBe(`say!:${GESTURE_WORDS.stopped}`);
  });

  it.each([
    ['childs-pose', GESTURE_WORDS.pausedChild],
    ['foam-roller', GESTURE_WORDS.pausedRoller],
  ] as const)('pause on %s keeps watching and says how to go on', (exercise, words) => {
    const r = rig(exercise);
    r.next.gesture = 'pause';
    expect(r.g.watch(pose(0))).toBe(false);
    expect(r.state()).toMatchObject({ paused: true, pausedByPose: true });
    expect(r.log).toEqual(['flow:pause', 'clear-cue', 'hush', `say:${words}`]);
    // Still watched while paused; a second pause gesture changes nothing.
    r.next.gesture = 'pause';
    expect(r.g.watch(pose(100))).toBe(false);
    expect(r.poses()).toBe(2);
    expect(r.log).toHaveLength(4);
  });

  it('resume only with a working camera', () => {
    const r = rig();
    r.next.gesture = 'pause';
    r.g.watch(pose(0));
    r.env.cameraFailed = true;
    r.next.gesture = 'resume';
    expect(r.g.watch(pose(100))).toBe(false);
    expect(r.state().paused).toBe(true);
    r.env.cameraFailed = false;
    r.next.gesture = 'resume';
    expect(r.g.watch(pose(200))).toBe(true);
    expect(r.state()).toMatchObject({ paused: false, pausedByPose: false });
    expect(r.log.at(-1)).toBe(`say:${GESTURE_WORDS.resumed}`);
  });

  it('announces a countdown once, coaches the stretch when it runs out', () => {
    const r = rig('recognising');
    r.session.step = { recognized: 'childs-pose' };
    const counting = { kind: 'counting', exercise: 'childs-pose', secondsLeft: 3, startedMs: 0 };
    r.next.offer = counting as CountdownState;
    r.g.offerRecognized(0);
    r.next.offer = { ...counting, secondsLeft: 2 } as CountdownState;
    r.g.offerRecognized(1000);
    expect(r.log).toEqual([`say:${GESTURE_WORDS.countdown}`]);
    r.next.offer = { kind: 'go', exercise: 'childs-pose' };
    r.g.offerRecognized(3000);
    expect(r.env.accepted).toBe(1);
    expect(r.next.exercises).toEqual(['childs-pose']);
    // Coached now: no more countdown.
    r.g.offerRecognized(3100);
    expect(r.env.accepted).toBe(1);
  });

  it('declines only a running countdown', () => {
    const r = rig('recognising');
    r.g.decline();
    expect(r.log).toEqual([]);
    r.session.step = { recognized: 'childs-pose' };
    r.next.offer = { kind: 'counting', exercise: 'childs-pose', secondsLeft: 3, startedMs: 0 };
    r.g.offerRecognized(0);
    r.g.decline();
    expect(r.log.at(-1)).toBe(`say:${GESTURE_WORDS.declined}`);
    expect(r.g.handsFree?.offer).toEqual({ kind: 'idle' });
  });
});
