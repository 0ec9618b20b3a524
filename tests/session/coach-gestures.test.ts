/**
 * The hands-free gestures' answers, table-driven: stop always halts and
 * asks "Did it hurt?" (as safety speech); pause only when not paused, with
 * the words for the stretch; resume only when paused and the camera works.
 */
import { describe, expect, it } from 'vitest';
import {
  countdownBegan,
  GESTURE_WORDS,
  type GestureContext,
  gestureResponse,
} from '../../src/session/coach-gestures.ts';

const LIVE: GestureContext = { paused: false, cameraFailed: false, exercise: 'foam-roller' };
const PAUSED: GestureContext = { ...LIVE, paused: true };

describe('coach gestures', () => {
  it.each([LIVE, PAUSED, { ...PAUSED, cameraFailed: true }])(
    'stop halts without watching, hushes and asks as safety (%o)',
    (c) => {
      expect(gestureResponse('stop', c)).toEqual({
        event: { type: 'pause', keepWatching: false },
        hush: true,
        say: GESTURE_WORDS.stopped,
        safety: true,
        askHurt: true,
      });
    },
  );

  it.each([
    ['foam-roller', GESTURE_WORDS.pausedRoller],
    ['seated-twist', GESTURE_WORDS.pausedRoller],
    ['childs-pose', GESTURE_WORDS.pausedChild],
  ] as const)('pause while %s is coached: keeps watching, says %s', (exercise, words) => {
    expect(gestureResponse('pause', { ...LIVE, exercise })).toMatchObject({
      event: { type: 'pause', keepWatching: true },
      hush: true,
      say: words,
      safety: false,
      askHurt: false,
    });
  });

  it('pause while already paused changes nothing', () => {
    expect(gestureResponse('pause', PAUSED)).toBeUndefined();
  });

  it('resume only while paused with a working camera', () => {
    expect(gestureResponse('resume', PAUSED)).toEqual({
      event: { type: 'resume' },
      hush: false,
      say: GESTURE_WORDS.resumed,
      safety: false,
      askHurt: false,
    });
    expect(gestureResponse('resume', LIVE)).toBeUndefined();
    expect(gestureResponse('resume', { ...PAUSED, cameraFailed: true })).toBeUndefined();
  });
});

describe('countdown announcement', () => {
  const counting = (startedMs: number) =>
    ({ kind: 'counting', exercise: 'seated-twist', secondsLeft: 3, startedMs }) as const;

  it('is made when a countdown begins or restarts, not while it runs or ends', () => {
    expect(countdownBegan({ kind: 'idle' }, counting(100))).toBe(true);
    expect(countdownBegan(counting(100), counting(900))).toBe(true);
    expect(countdownBegan(counting(100), { ...counting(100), secondsLeft: 2 })).toBe(false);
    expect(countdownBegan(counting(100), { kind: 'go', exercise: 'seated-twist' })).toBe(false);
    expect(countdownBegan({ kind: 'idle' }, { kind: 'idle' })).toBe(false);
  });
});
