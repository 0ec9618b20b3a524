/**
 * SetupWatch with the real setup checks: a frame with nobody in it is
 * checked (not ready), drawn, reported to the flow, and its problem spoken
 * once, not again a moment later; reset() forgets the checks.
 */
import { describe, expect, it } from 'vitest';
import { SetupWatch } from '../../src/controllers/setup-watch.ts';
import type { PoseResult } from '../../src/pose/worker/pose-worker-client.ts';
import type { FlowEvent } from '../../src/session/coach-flow.ts';

describe('SetupWatch', () => {
  it('checks, draws, tells the flow, and speaks the problem without repeating it at once', () => {
    const events: FlowEvent[] = [];
    const said: string[] = [];
    let drawn = 0;
    let now = 10_000;
    const watch = new SetupWatch({
      dispatch: (e) => events.push(e),
      say: (t) => said.push(t),
      draw: () => drawn++,
      requestUpdate: () => {},
      now: () => now,
    });
    const nobody = { tMs: 0, frame: null, brightness: 120 } as unknown as PoseResult;
    watch.onPose(nobody, 'foam-roller');
    expect(watch.checks.length).toBeGreaterThan(0);
    expect(watch.ready).toBe(false);
    expect(events).toEqual([{ type: 'setup-frame', ready: false }]);
    expect(drawn).toBe(1);
    expect(said).toHaveLength(1);
    now += 200;
    watch.onPose(nobody, 'foam-roller');
    expect(said).toHaveLength(1);
    watch.reset();
    expect(watch.checks).toEqual([]);
  });
});
