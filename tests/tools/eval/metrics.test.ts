import { describe, expect, it } from 'vitest';
import { holdErrors, mean, meanAbs, median, percentile, scoreCues, share } from './metrics.ts';

describe('basic arithmetic', () => {
  it('share, mean, meanAbs', () => {
    expect(share([true, false, true, true])).toBe(0.75);
    expect(share([])).toBeNaN();
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(meanAbs([-2, 2, -4, 0])).toBe(2);
  });

  it('nearest-rank percentiles', () => {
    const v = [15, 20, 35, 40, 50];
    // Ranks: p30 → ceil(1.5) = 2nd; p40 → 2nd; p50 → ceil(2.5) = 3rd; p100 → 5th.
    expect(percentile(v, 30)).toBe(20);
    expect(percentile(v, 40)).toBe(20);
    expect(median(v)).toBe(35);
    expect(percentile(v, 100)).toBe(50);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('scoreCues', () => {
  const faults = [
    { from: 2, to: 5, name: 'hips-too-high' },
    { from: 8, to: 9, name: 'hands-off-head' },
  ];

  it('counts right cues, caught faults and first-cue delays', () => {
    const cues = [
      { t: 2.8, fault: 'hips-too-high' }, // right, first for fault 1: delay 0.8
      { t: 4.9, fault: 'hips-too-high' }, // repeat while present: right
      { t: 5.3, fault: 'hips-too-high' }, // 0.3 s after the end, linger 0.5: right
      { t: 6.0, fault: 'hips-too-high' }, // 1 s after the end: wrong
      { t: 8.0, fault: 'hips-too-high' }, // wrong kind for the fault present then
    ];
    const s = scoreCues(cues, faults, 1.5, 0.5);
    expect(s.rightCues).toBe(3);
    expect(s.precision).toBeCloseTo(3 / 5);
    expect(s.caughtFaults).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.delays).toEqual([expect.closeTo(0.8)]);
  });

  it('a cue later than the allowed delay is right but does not catch the fault', () => {
    const s = scoreCues([{ t: 3.6, fault: 'hips-too-high' }], faults.slice(0, 1), 1.5, 0.5);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0);
  });

  it('a good-form clip with no cue scores perfect; any cue on it is wrong', () => {
    expect(scoreCues([], [], 1.5, 0.5)).toMatchObject({ precision: 1, recall: 1 });
    expect(scoreCues([{ t: 1, fault: 'forcing' }], [], 1.5, 0.5).precision).toBe(0);
  });
});

describe('holdErrors', () => {
  it('matches each true hold with the found hold overlapping it most', () => {
    const truth = [
      { from: 3, to: 8 }, // 5 s
      { from: 12, to: 15 }, // 3 s
      { from: 20, to: 22 }, // 2 s, never found
    ];
    const found = [
      { from: 2.5, to: 3.5 }, // overlaps hold 1 by 0.5
      { from: 3.6, to: 8.2 }, // overlaps hold 1 by 4.4: chosen, 4.6 s → error 0.4
      { from: 12.2, to: 15.4 }, // 3.2 s → error 0.2
    ];
    const e = holdErrors(truth, found);
    expect(e[0]).toBeCloseTo(0.4);
    expect(e[1]).toBeCloseTo(0.2);
    expect(e[2]).toBe(2);
  });
});
