import { describe, expect, it } from 'vitest';
import { scoreCues } from './metrics.ts';
import {
  bootstrapInterval,
  falsePraise,
  matchHolds,
  pooled,
  STRICT_LINGER_S,
  STRICT_MAX_DELAY_S,
} from './strict-metrics.ts';

describe('strict cue windows', () => {
  const faults = [
    { from: 2, to: 5, name: 'slouching' },
    { from: 10, to: 12, name: 'forcing' },
  ];
  it('a fault is caught 0–1.5 s after it starts, and a correction is right up to 1.5 s after it ended', () => {
    const cues = [
      { t: 3.4, fault: 'slouching' }, // caught (1.4 s), right
      { t: 6.4, fault: 'slouching' }, // 1.4 s after the end: right
      { t: 6.6, fault: 'slouching' }, // 1.6 s after: wrong
      { t: 11.6, fault: 'forcing' }, // 1.6 s after the start: right, but too late to catch it
      { t: 11, fault: 'slouching' }, // a fault is present, but not this one: wrong
    ];
    const s = scoreCues(cues, faults, STRICT_MAX_DELAY_S, STRICT_LINGER_S);
    expect(s).toMatchObject({ cues: 5, rightCues: 3, faults: 2, caughtFaults: 1 });
    expect(s.delays[0]).toBeCloseTo(1.4);
  });

  it('pools over clips instead of averaging clip values', () => {
    // Clip A: 1 of 1 right; clip B: 1 of 9 right. Pooled 2/10, not the mean of 1 and 0.11.
    expect(
      pooled([
        { num: 1, den: 1 },
        { num: 1, den: 9 },
      ]),
    ).toBeCloseTo(0.2);
    expect(pooled([{ num: 0, den: 0 }])).toBeNaN();
  });

  it('counts praise given while any fault is present', () => {
    expect(falsePraise([1, 2, 4.99, 5, 11], faults)).toBe(3);
  });
});

describe('holds matched one to one', () => {
  it('pairs the largest overlap first and counts unmatched true holds in full', () => {
    const truth = [
      { from: 0, to: 10 },
      { from: 12, to: 20 },
      { from: 30, to: 33 },
    ];
    // One long found hold spans both first true holds: it goes to the one it overlaps most.
    const found = [
      { from: 1, to: 19 },
      { from: 12.5, to: 19.5 },
      { from: 40, to: 42 },
    ];
    const m = matchHolds(truth, found);
    // Pairs: (0,0) overlap 9, (1,0) 7, (1,1) 7. (0,0) first; then (1,1).
    expect(m.errors).toEqual([8, 1, 3]);
    expect(m).toMatchObject({ matched: 2, missed: 1, extra: 1 });
  });

  it('does not match holds that only touch', () => {
    expect(matchHolds([{ from: 0, to: 5 }], [{ from: 5, to: 9 }])).toEqual({
      errors: [5],
      matched: 0,
      missed: 1,
      extra: 1,
    });
  });
});

describe('bootstrap interval', () => {
  it('brackets the statistic and narrows with more clips', () => {
    const clips = (n: number) => Array.from({ length: n }, (_, i) => ({ num: i % 2, den: 1 }));
    const [lo, hi] = bootstrapInterval(clips(20), pooled);
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    const [lo2, hi2] = bootstrapInterval(clips(400), pooled);
    expect(hi2 - lo2).toBeLessThan((hi - lo) / 2);
    expect(bootstrapInterval(clips(20), pooled)).toEqual([lo, hi]);
  });

  it('is a point when every clip is the same, and NaN with no clips', () => {
    expect(
      bootstrapInterval(
        [
          { num: 1, den: 2 },
          { num: 1, den: 2 },
        ],
        pooled,
      ),
    ).toEqual([0.5, 0.5]);
    expect(bootstrapInterval([], pooled)).toEqual([Number.NaN, Number.NaN]);
  });
});
