import { describe, expect, it } from 'vitest';
import { driftPerS } from '../../src/core/drift-rate.ts';

const samples = (n: number, stepMs: number, value: (tMs: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ tMs: i * stepMs, value: value(i * stepMs) }));

describe('driftPerS', () => {
  it('is the unsigned slope per second of a steady drift, either way', () => {
    expect(
      driftPerS(
        samples(21, 100, (t) => 0.2 + t / 10000),
        1000,
      ),
    ).toBeCloseTo(0.1, 9);
    expect(
      driftPerS(
        samples(21, 100, (t) => 0.5 - t / 20000),
        1000,
      ),
    ).toBeCloseTo(0.05, 9);
  });

  it('reads alternating jitter on a still value as (almost) no drift', () => {
    const jitter = samples(21, 100, (t) => 0.3 + (t % 200 ? 0.02 : -0.02));
    expect(driftPerS(jitter, 1000)!).toBeLessThan(0.005);
  });

  it('says nothing from too few samples or too short a span', () => {
    expect(
      driftPerS(
        samples(2, 500, (t) => t),
        100,
      ),
    ).toBeUndefined();
    expect(
      driftPerS(
        samples(5, 100, (t) => t),
        1000,
      ),
    ).toBeUndefined();
    expect(driftPerS([], 0)).toBeUndefined();
  });
});
