import { describe, expect, it } from 'vitest';
import type { EngineSpec } from '../../src/pose/create-pose-engine.ts';
import { DEFAULT_KEEP_UP, KeepUpRule, keepUpLadder } from '../../src/pose/keep-up-rule.ts';
import { specKey } from '../../src/pose/lighter-engine.ts';

const FULL: EngineSpec = { engine: 'mediapipe', model: 'full' };

interface Switch {
  tMs: number;
  direction: 'down' | 'up';
  to: string;
  reason: string;
}

/**
 * Plays a device: each frame costs `cost(model, tMs)` ms and the next comes
 * when it is done (the loop sends a frame only when the worker is free). A
 * switch takes `loadMs`, during which no frame is analysed, as in the loop.
 * `loads` says whether a model loads (default all do).
 */
function simulate(
  rule: KeepUpRule,
  cost: (key: string, tMs: number) => number,
  durationMs: number,
  options: { loadMs?: number; loads?: (key: string) => boolean } = {},
): Switch[] {
  const { loadMs = 1000, loads = () => true } = options;
  const out: Switch[] = [];
  for (let t = 0; t < durationMs; ) {
    const ms = cost(specKey(rule.spec), t);
    t += ms;
    const d = rule.sample(ms, t);
    if (d.kind !== 'switch') continue;
    t += loadMs;
    out.push({ tMs: t, direction: d.direction, to: specKey(d.spec), reason: d.reason });
    if (loads(specKey(d.spec))) rule.switched(d.index, t);
    else rule.failed(d.index);
  }
  return out;
}

/** Model costs on an idle device, ms, multiplied by the load at the time. */
const BASE: Record<string, number> = {
  'mediapipe/heavy': 150,
  'mediapipe/full': 50,
  'mediapipe/lite': 20,
  'tfjs/blazepose-lite': 30,
};
const device =
  (load: (tMs: number) => number, base: Record<string, number> = BASE) =>
  (key: string, tMs: number) =>
    base[key]! * load(tMs);

/** A small seeded PRNG (mulberry32), so the jitter is the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('keepUpLadder', () => {
  it('is the start model, then lighter ones of its engine, then the other engine’s lite', () => {
    expect(keepUpLadder({ engine: 'mediapipe', model: 'heavy' }).map(specKey)).toEqual([
      'mediapipe/heavy',
      'mediapipe/full',
      'mediapipe/lite',
      'tfjs/blazepose-lite',
    ]);
    expect(keepUpLadder({ engine: 'mediapipe', model: 'lite' }).map(specKey)).toEqual([
      'mediapipe/lite',
      'tfjs/blazepose-lite',
    ]);
    expect(keepUpLadder({ engine: 'tfjs', model: 'blazepose-lite' }).map(specKey)).toEqual([
      'tfjs/blazepose-lite',
      'mediapipe/lite',
    ]);
  });
});

describe('KeepUpRule', () => {
  it('stays on a model that keeps up, and never goes above the start model', () => {
    const rule = new KeepUpRule(keepUpLadder(FULL));
    // full at 50 ms: 20 frames a second, twice what the coach needs.
    expect(
      simulate(
        rule,
        device(() => 1),
        600_000,
      ),
    ).toEqual([]);
    expect(specKey(rule.spec)).toBe('mediapipe/full');
  });

  it('rides out a short slow spell (under the 5 s window)', () => {
    const rule = new KeepUpRule(keepUpLadder(FULL));
    // 4 s at 4× load (200 ms a frame) once a minute, for ten minutes.
    const spikes = (t: number) => (t % 60_000 > 30_000 && t % 60_000 < 34_000 ? 4 : 1);
    expect(simulate(rule, device(spikes), 600_000)).toEqual([]);
  });

  it('steps down after 5 s behind, and back up once there is room for the heavier model', () => {
    const rule = new KeepUpRule(keepUpLadder(FULL));
    // 3× load for the first minute (full 150 ms, lite 60 ms), then none (full 50, lite 20).
    const events = simulate(
      rule,
      device((t) => (t < 60_000 ? 3 : 1)),
      180_000,
    );
    // Down: the first frame at or after 2 s settle + 5 s window from the first frame (150 ms),
    // frames every 150 ms: 7200 ms; the switch is done 1 s later.
    expect(events[0]).toEqual({
      tMs: 8200,
      direction: 'down',
      to: 'mediapipe/lite',
      reason: 'behind',
    });
    // Lite's first window: 60 ms against full's 150: full is 2.5× dearer, so 150 ms expected: stay.
    // From 60 s lite runs 20 ms a frame; full's estimate 2.5 × 20 = 50 ms fits the 68 ms share once
    // 20 ms frames are most of the 15 s window: (t − 60000)/20 > (75000 − t)/60, t > 63750; the
    // switch is done 1 s later (give or take the few frames the median's middle index moves by).
    expect(events).toHaveLength(2);
    expect(events[1]!.direction).toBe('up');
    expect(events[1]!.to).toBe('mediapipe/full');
    expect(Math.abs(events[1]!.tMs - (63_750 + 1000))).toBeLessThan(100);
    expect(specKey(rule.spec)).toBe('mediapipe/full');
  });

  it('does not step up when the heavier model would fall behind again', () => {
    const rule = new KeepUpRule(keepUpLadder(FULL));
    // Always 2.4× load: full 120 ms (behind), lite 48 ms; full's estimate stays 120 ms.
    const events = simulate(
      rule,
      device(() => 2.4),
      600_000,
    );
    expect(events.map((e) => `${e.direction} ${e.to}`)).toEqual(['down mediapipe/lite']);
  });

  it('on the hysteresis band’s edge (frame times jittering around the limit) it switches once at most', () => {
    for (const seed of [1, 2]) {
      const rand = random(seed);
      const rule = new KeepUpRule(keepUpLadder(FULL));
      // full: 70–130 ms a frame (median ≈ 100, the limit); lite is 2.5× cheaper.
      const events = simulate(
        rule,
        (key) => (key === 'mediapipe/full' ? 70 + 60 * rand() : 28 + 24 * rand()),
        240_000,
      );
      expect(events.length).toBeLessThanOrEqual(1);
    }
  });

  it('a load that comes and goes every half minute: each flap doubles the wait before the next step up', () => {
    const rule = new KeepUpRule(keepUpLadder(FULL));
    // 3× load for 30 s, none for 30 s, for 30 minutes.
    const flapping = (t: number) => (Math.floor(t / 30_000) % 2 === 0 ? 3 : 1);
    const events = simulate(rule, device(flapping), 1_800_000);
    const ups = events.filter((e) => e.direction === 'up');
    const downs = events.filter((e) => e.direction === 'down');
    // Alternating, starting with a step down.
    expect(events.map((e) => e.direction)).toEqual(events.map((_, i) => (i % 2 ? 'up' : 'down')));
    // Each step up came at least the (doubling) cooldown after the step down before it.
    let cooldown = DEFAULT_KEEP_UP.upCooldownMs;
    for (const [i, up] of ups.entries()) {
      expect(up.tMs - downs[i]!.tMs).toBeGreaterThanOrEqual(cooldown);
      cooldown = Math.min(DEFAULT_KEEP_UP.maxUpCooldownMs, cooldown * 2);
    }
    // Bound: cooldowns 20 + 40 + 80 + 160 + 320 + 600 s already exceed 30 minutes after six flaps.
    expect(ups.length).toBeLessThanOrEqual(7);
    expect(ups.length).toBeGreaterThanOrEqual(2); // it does go back up when the room lasts
    expect(rule.upCooldownMs).toBeGreaterThan(DEFAULT_KEEP_UP.upCooldownMs);
  });

  it('the other engine’s lite, slower here than the lite before it, is ruled out and left', () => {
    const rule = new KeepUpRule(keepUpLadder({ engine: 'mediapipe', model: 'lite' }));
    // 6× load: MediaPipe lite 120 ms (behind), TensorFlow.js lite 180 ms (slower still).
    const events = simulate(
      rule,
      device(() => 6),
      600_000,
    );
    expect(events.map((e) => `${e.direction} ${e.to} ${e.reason}`)).toEqual([
      'down tfjs/blazepose-lite behind',
      'up mediapipe/lite no-lighter',
    ]);
    expect(rule.ruledOut).toEqual([false, true]);
  });

  it('a model that would not load is not asked for again', () => {
    const rule = new KeepUpRule(keepUpLadder({ engine: 'mediapipe', model: 'heavy' }));
    // 2× load: heavy 300 ms; full 100 ms is not lighter enough to be "behind"-free but never loads.
    const events = simulate(
      rule,
      device(() => 2),
      300_000,
      {
        loads: (key) => key !== 'mediapipe/full',
      },
    );
    expect(events.map((e) => e.to)).toEqual(['mediapipe/full', 'mediapipe/lite']);
    expect(rule.ruledOut[1]).toBe(true);
    expect(specKey(rule.spec)).toBe('mediapipe/lite');
  });

  it('ignores the first frames of a model (cold start) and nonsense times', () => {
    const rule = new KeepUpRule(keepUpLadder(FULL));
    // 2 s of 900 ms warm-up frames, then 50 ms: never behind.
    const events = simulate(rule, (_k, t) => (t < 2000 ? 900 : 50), 120_000);
    expect(events).toEqual([]);
    expect(rule.sample(Number.NaN, 130_000)).toEqual({ kind: 'stay' });
    expect(rule.sample(-5, 130_050)).toEqual({ kind: 'stay' });
  });

  it('starts counting afresh after a gap with no frames (a pause): old slow frames do not count', () => {
    const rule = new KeepUpRule(keepUpLadder(FULL));
    // 4 s of 150 ms frames (behind, but under the 2 s settle + 5 s window), a 60 s pause, then
    // one more slow frame: without the fresh start, its window would hold only that one frame.
    expect(
      simulate(
        rule,
        device(() => 3),
        4000,
      ),
    ).toEqual([]);
    expect(rule.sample(150, 64_000)).toEqual({ kind: 'stay' });
    expect(rule.sample(150, 64_150)).toEqual({ kind: 'stay' });
    // It still steps down once a whole window after the fresh settle is behind.
    let decision = rule.sample(150, 64_300);
    for (let t = 64_450; decision.kind === 'stay' && t < 80_000; t += 150) {
      decision = rule.sample(150, t);
      if (decision.kind === 'switch') expect(t).toBeGreaterThanOrEqual(64_000 + 2000 + 5000);
    }
    expect(decision.kind).toBe('switch');
  });
});
