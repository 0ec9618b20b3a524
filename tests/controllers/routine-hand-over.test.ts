/**
 * A routine's next stretch: picked as if by the person (with the twist's
 * first side), the last summary dropped, and straight to setup when the
 * camera and model are still on, or a fresh start when they are not.
 */
import { describe, expect, it } from 'vitest';
import { handOverRoutineStretch } from '../../src/controllers/routine-hand-over.ts';
import type { FlowEvent } from '../../src/session/coach-flow.ts';

function rig(running: boolean) {
  const log: string[] = [];
  const deps = {
    pick: (e: string, side: string | undefined) => log.push(`pick:${e}/${side}`),
    clearLast: () => log.push('clear'),
    running: () => running,
    startLongTasks: () => log.push('tasks'),
    dispatch: (e: FlowEvent) => log.push(e.type),
  };
  return { deps, log };
}

describe('handOverRoutineStretch', () => {
  it('goes straight to setup while the camera and model are on', () => {
    const r = rig(true);
    handOverRoutineStretch({ exercise: 'seated-twist', firstSide: 'left' }, r.deps);
    expect(r.log).toEqual(['pick:seated-twist/left', 'clear', 'tasks', 'next-stretch']);
  });

  it('starts the camera and model when they are off', () => {
    const r = rig(false);
    handOverRoutineStretch({ exercise: 'foam-roller' }, r.deps);
    expect(r.log).toEqual(['pick:foam-roller/undefined', 'clear', 'start']);
  });
});
