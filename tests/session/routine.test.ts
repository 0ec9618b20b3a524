/** The routine reducer: the order, the rests, skipping, ending early; times by hand. */
import { describe, expect, it } from 'vitest';
import {
  planRoutine,
  type RoutineState,
  restLeftMs,
  routineReducer,
  startRoutine,
  upcomingStep,
} from '../../src/session/routine.ts';

const REST = 30_000;
const step = (s: RoutineState, e: Parameters<typeof routineReducer>[1], t: number) =>
  routineReducer(s, e, t, REST);

describe('planRoutine', () => {
  it('roller, twist (left first, both sides), child’s pose', () => {
    expect(planRoutine(undefined)).toEqual([
      { exercise: 'foam-roller' },
      { exercise: 'seated-twist', firstSide: 'left' },
      { exercise: 'childs-pose' },
    ]);
  });

  it('leaves out what the safety check closed, keeps the order', () => {
    expect(planRoutine(['seated-twist', 'childs-pose']).map((s) => s.exercise)).toEqual([
      'seated-twist',
      'childs-pose',
    ]);
    expect(planRoutine([])).toEqual([]);
    expect(startRoutine([], 0)).toBeUndefined();
  });
});

describe('routineReducer', () => {
  it('runs the three with a rest between each, then is done', () => {
    let s = startRoutine(undefined, 1000)!;
    expect(s.phase).toBe('stretch');
    expect(upcomingStep(s)?.exercise).toBe('foam-roller');

    s = step(s, { type: 'stretch-done', holds: 3, reached: 2 }, 100_000);
    expect(s.phase).toBe('rest');
    expect(upcomingStep(s)?.exercise).toBe('seated-twist');
    expect(restLeftMs(s, 110_000)).toBe(20_000);
    // The rest runs out by itself.
    expect(step(s, { type: 'tick' }, 129_999).phase).toBe('rest');
    s = step(s, { type: 'tick' }, 130_000);
    expect(s.phase).toBe('stretch');
    expect(upcomingStep(s)).toEqual({ exercise: 'seated-twist', firstSide: 'left' });

    s = step(s, { type: 'stretch-done', holds: 2, reached: 2 }, 200_000);
    // Going on before the rest is over.
    s = step(s, { type: 'next-now' }, 205_000);
    expect(upcomingStep(s)?.exercise).toBe('childs-pose');
    expect(restLeftMs(s, 205_000)).toBe(0);

    s = step(s, { type: 'stretch-done', holds: 1, reached: 0 }, 300_000);
    expect(s.phase).toBe('done');
    expect(s.endedEarly).toBe(false);
    expect(s.results).toEqual([
      { exercise: 'foam-roller', holds: 3, reached: 2, skipped: false },
      { exercise: 'seated-twist', holds: 2, reached: 2, skipped: false },
      { exercise: 'childs-pose', holds: 1, reached: 0, skipped: false },
    ]);
  });

  it('skipping a stretch goes straight to the next; skipping in a rest skips the one coming', () => {
    let s = startRoutine(undefined, 0)!;
    s = step(s, { type: 'skip' }, 5000);
    expect(s.phase).toBe('stretch');
    expect(upcomingStep(s)?.exercise).toBe('seated-twist');
    s = step(s, { type: 'stretch-done', holds: 1, reached: 1 }, 60_000);
    s = step(s, { type: 'skip' }, 61_000); // skips child's pose, the last
    expect(s.phase).toBe('done');
    expect(s.results.map((r) => [r.exercise, r.skipped])).toEqual([
      ['foam-roller', true],
      ['seated-twist', false],
      ['childs-pose', true],
    ]);
  });

  it('a skip during the first rest keeps resting before the third stretch', () => {
    let s = startRoutine(undefined, 0)!;
    s = step(s, { type: 'stretch-done', holds: 1, reached: 1 }, 10_000);
    s = step(s, { type: 'skip' }, 12_000);
    expect(s.phase).toBe('rest');
    expect(upcomingStep(s)?.exercise).toBe('childs-pose');
    expect(restLeftMs(s, 12_000)).toBe(28_000);
  });

  it('ending early is done, and stays done', () => {
    let s = startRoutine(undefined, 0)!;
    s = step(s, { type: 'end' }, 1000);
    expect(s).toMatchObject({ phase: 'done', endedEarly: true, results: [] });
    expect(step(s, { type: 'stretch-done', holds: 1, reached: 1 }, 2000)).toBe(s);
    expect(step(s, { type: 'next-now' }, 2000)).toBe(s);
  });

  it('a stretch-done while resting, or a tick while stretching, changes nothing', () => {
    const s = startRoutine(undefined, 0)!;
    expect(step(s, { type: 'tick' }, 999_999)).toBe(s);
    const resting = step(s, { type: 'stretch-done', holds: 0, reached: 0 }, 10);
    expect(step(resting, { type: 'stretch-done', holds: 5, reached: 5 }, 20)).toBe(resting);
  });
});
