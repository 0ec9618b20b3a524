/** The routine controller: the rest's clock runs out by itself and calls for the next stretch. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoutineController } from '../../src/controllers/routine-controller.ts';
import type { CoachHold } from '../../src/session/coach-pipeline.ts';
import type { RoutineStep } from '../../src/session/routine.ts';

/** The host boundary: counts render requests. */
function host() {
  return {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
}
const hold = (heldMs: number) => ({ heldMs }) as CoachHold;

describe('RoutineController', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts with the roller, rests 30 s after Stop, then calls for the twist by itself', () => {
    const h = host();
    const r = new RoutineController(h);
    const due: RoutineStep[] = [];
    r.onStretch = (s) => due.push(s);
    expect(r.start(undefined)).toBe(true);
    expect(due.map((s) => s.exercise)).toEqual(['foam-roller']);

    expect(r.stretchEnded('done', [hold(25_000), hold(5_000)], 20)).toBe(true);
    expect(r.resting).toBe(true);
    expect(r.state?.results).toEqual([
      { exercise: 'foam-roller', holds: 2, reached: 1, skipped: false },
    ]);
    vi.advanceTimersByTime(29_000);
    expect(due).toHaveLength(1);
    const updatesInRest = h.updates;
    vi.advanceTimersByTime(1_500);
    expect(h.updates).toBeGreaterThan(updatesInRest); // the countdown is redrawn
    expect(due.map((s) => s.exercise)).toEqual(['foam-roller', 'seated-twist']);
    expect(r.resting).toBe(false);
    // No timer left running once the rest is over.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sharp pain ends the routine; nothing more is called for', () => {
    const r = new RoutineController(host());
    const due: RoutineStep[] = [];
    r.onStretch = (s) => due.push(s);
    r.start(['seated-twist', 'childs-pose']);
    expect(r.stretchEnded('sharp-pain', [], 20)).toBe(false);
    expect(r.active).toBe(false);
    expect(r.state).toMatchObject({ phase: 'done', endedEarly: true });
    vi.advanceTimersByTime(60_000);
    expect(due.map((s) => s.exercise)).toEqual(['seated-twist']);
  });

  it('a single stretch (no routine) is left alone; leaving stops the rest clock', () => {
    const r = new RoutineController(host());
    expect(r.stretchEnded('done', [hold(1000)], 20)).toBe(false);
    r.start(undefined);
    r.stretchEnded('done', [], 20);
    expect(vi.getTimerCount()).toBe(1);
    r.hostDisconnected();
    expect(vi.getTimerCount()).toBe(0);
  });
});
