import { describe, expect, it } from 'vitest';
import { OneEuroFilter } from '../../src/core/one-euro-filter.ts';

/** Deterministic jitter in [-1, 1] (no random source in tests either). */
const jitter = (i: number) => Math.sin(i * 12.9898) * 0.8 + Math.sin(i * 78.233) * 0.2;

describe('OneEuroFilter', () => {
  it('passes the first value through and holds a constant', () => {
    const f = new OneEuroFilter();
    expect(f.hasValue()).toBe(false);
    expect(f.apply(0, 0)).toBe(0);
    expect(f.hasValue()).toBe(true);
    for (let i = 1; i < 30; i++) expect(f.apply(0, i * 33)).toBe(0);
  });

  it('steadies a held pose: ±0.005 jitter shrinks to under a third', () => {
    const f = new OneEuroFilter();
    let maxOut = 0;
    for (let i = 0; i < 90; i++) {
      const out = f.apply(0.5 + 0.005 * jitter(i), i * 33)!;
      if (i > 30) maxOut = Math.max(maxOut, Math.abs(out - 0.5));
    }
    expect(maxOut).toBeLessThan(0.005 / 3);
  });

  it('shows a real movement within 100 ms: a step of 0.1 is 90% through at 30 fps', () => {
    const f = new OneEuroFilter();
    for (let i = 0; i < 30; i++) f.apply(0.4, i * 33);
    let out = 0;
    for (let k = 1; k <= 3; k++) out = f.apply(0.5, 30 * 33 + k * 33)!; // 99 ms after the step
    expect(out).toBeGreaterThan(0.49);
  });

  it('ignores timestamps that do not move forward and non-finite input', () => {
    const f = new OneEuroFilter();
    f.apply(1, 100);
    const at = f.apply(2, 200)!;
    expect(f.apply(50, 150)).toBe(at);
    expect(f.apply(50, 200)).toBe(at);
    expect(f.apply(Number.NaN, 300)).toBe(at);
    expect(f.apply(3, Number.POSITIVE_INFINITY)).toBe(at);
    // Found by the property test: frames a denormal instant apart overflowed the speed.
    expect(f.apply(9, 200 + 2.475e-321)).toBe(at);
  });

  it('starts over after reset()', () => {
    const f = new OneEuroFilter();
    f.apply(1, 0);
    f.apply(1, 33);
    f.reset();
    expect(f.hasValue()).toBe(false);
    expect(f.apply(7, 10)).toBe(7);
  });

  it('refuses nonsense options, naming them', () => {
    expect(() => new OneEuroFilter({ beta: -1 })).toThrow('beta must be a finite number ≥ 0');
    expect(() => new OneEuroFilter({ minCutoffHz: Number.NaN })).toThrow('minCutoffHz');
  });
});
