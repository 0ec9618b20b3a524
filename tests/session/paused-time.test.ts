import { describe, expect, it } from 'vitest';
import { HoldTimer } from '../../src/core/hold-timer.ts';
import { PausedTime } from '../../src/session/paused-time.ts';

describe('PausedTime', () => {
  it('takes each ended pause out of later frame times', () => {
    const p = new PausedTime();
    expect(p.sessionMs(1000)).toBe(1000);
    p.set(true, 2000);
    p.set(false, 32_000);
    expect(p.sessionMs(1500)).toBe(1500 - 30_000); // only used for frames after the pause
    expect(p.sessionMs(32_100)).toBe(2100);
    p.set(true, 40_000);
    p.set(false, 41_000);
    expect(p.sessionMs(41_100)).toBe(10_100);
    expect(p.totalMs(50_000)).toBe(31_000);
  });

  it('keeps the earliest start when a pause is backdated, and ignores repeats', () => {
    const p = new PausedTime();
    p.set(true, 5000);
    p.set(true, 3000); // the last frame that came back before the model stalled
    p.set(true, 4000);
    expect(p.paused).toBe(true);
    expect(p.totalMs(6000)).toBe(3000);
    p.set(false, 9000);
    p.set(false, 12_000);
    expect(p.paused).toBe(false);
    expect(p.totalMs(20_000)).toBe(6000);
  });

  it('lets a real hold timer carry a hold across a 30 s pause, without counting the pause', () => {
    const timer = new HoldTimer();
    const paused = new PausedTime();
    // 10 fps of good form for 5 s, a 30 s pause (a hidden tab), then 3 s more.
    for (let t = 0; t <= 5000; t += 100) timer.update(true, paused.sessionMs(t));
    paused.set(true, 5000);
    paused.set(false, 35_000);
    for (let t = 35_100; t <= 38_000; t += 100) timer.update(true, paused.sessionMs(t));
    const hold = timer.active!;
    expect(hold.startMs).toBe(0);
    expect(hold.heldMs).toBeGreaterThan(7900);
    expect(hold.heldMs).toBeLessThanOrEqual(8100);
    // Without it the gap ends the first hold and starts another.
    const plain = new HoldTimer();
    for (let t = 0; t <= 5000; t += 100) plain.update(true, t);
    for (let t = 35_100; t <= 38_000; t += 100) plain.update(true, t);
    expect(plain.active!.startMs).toBe(35_100);
  });
});
