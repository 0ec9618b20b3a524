import { describe, expect, it } from 'vitest';
import { frameBudgetMs, measureOrder, pickEngine } from '../../src/controllers/engine-autopick.ts';

const lite = { engine: 'mediapipe', model: 'lite' } as const;
const full = { engine: 'mediapipe', model: 'full' } as const;
const heavy = { engine: 'mediapipe', model: 'heavy' } as const;

describe('automatic engine choice', () => {
  it('budget: 10 analysed frames a second, 80% of the 100 ms frame', () => {
    expect(frameBudgetMs()).toBe(80);
    expect(frameBudgetMs(20)).toBe(40);
  });

  it('measures cheapest first', () => {
    expect(measureOrder()).toEqual([lite, full, heavy]);
  });

  it.each([
    // This machine (FACTS.md: ~55 / ~90 / ~230 ms): lite keeps up, full does not.
    [[55, 90, undefined], lite],
    // A laptop GPU: all keep up → the most accurate.
    [[12, 18, 30], heavy],
    [[30, 70, 150], full],
    // Nothing keeps up: the fastest that loaded.
    [[120, 200, undefined], lite],
  ] as const)('times %j → %j', (ms, expected) => {
    const trials = [lite, full, heavy].map((spec, i) => ({ spec, medianMs: ms[i] }));
    expect(pickEngine(trials, 80)).toEqual(expected);
  });

  it('nothing loaded → no pick (the caller falls back to TensorFlow.js)', () => {
    expect(pickEngine([{ spec: lite, medianMs: undefined }])).toBeUndefined();
  });
});
