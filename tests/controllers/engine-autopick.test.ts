import { describe, expect, it } from 'vitest';
import {
  describeChoice,
  type EngineTrial,
  engineLabel,
  failedTrial,
  frameBudgetMs,
  measureNext,
  measureOrder,
  pickEngine,
  TIMED_FRAMES,
  timedTrial,
  WARM_UP_FRAMES,
} from '../../src/controllers/engine-autopick.ts';

const lite = { engine: 'mediapipe', model: 'lite' } as const;
const full = { engine: 'mediapipe', model: 'full' } as const;
const heavy = { engine: 'mediapipe', model: 'heavy' } as const;
const timed = (spec: typeof lite | typeof full | typeof heavy, ms: number): EngineTrial => ({
  spec,
  medianMs: ms,
  frames: WARM_UP_FRAMES + TIMED_FRAMES,
});

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
    expect(pickEngine([failedTrial(lite, new Error('no wasm'))])).toBeUndefined();
  });
});

describe('a slow model is not a failed one', () => {
  const full7 = [300, 200, 40, 42, 41, 39, 45]; // 2 warm-up runs, then 5 timed

  it('all frames came: the median of the timed runs, warm-up left out', () => {
    expect(timedTrial(full, full7, 2000)).toEqual({ spec: full, medianMs: 41, frames: 7 });
  });

  it.each([
    // 3 frames in 15 s: loaded, slow; at least 15000 / 3 = 5000 ms a frame.
    [[900, 800, 700], 15_000, 5000],
    // Only the 2 warm-up frames came: the window share (15000 / 2 = 7500) is larger than their runs.
    [[4000, 3000], 15_000, 7500],
    // No frame at all in the window: at least the whole window.
    [[], 15_000, 15_000],
    // A model run of 9 s on each of 4 frames counts more than the window share (3750 ms).
    [[9000, 9000, 9000, 9000], 15_000, 9000],
  ])('runs %j in %d ms → slow, about %d ms a frame', (runs, windowMs, ms) => {
    const t = timedTrial(lite, runs, windowMs);
    expect(t.slow).toBe(true);
    expect(t.medianMs).toBe(ms);
    expect(t.error).toBeUndefined();
    expect(t.frames).toBe(runs.length);
  });

  it.each([
    // A cold start of 9 s, then frames every 1.2 s: 1200 ms a frame, not 15000 / 5.
    [[8000, 900, 950, 1000, 900], [9000, 10200, 11400, 12600, 13800], 1200],
    // One frame at 4 s, none in the 11 s after: at least 11000 ms.
    [[3000], [4000], 11_000],
    // Frames 100 ms apart but each model run 700 ms (the frame times are right after one another): the run time.
    [[700, 700, 700], [14000, 14100, 14200], 700],
  ])('runs %j arriving at %j in a 15 s window → about %d ms a frame', (runs, arrivals, ms) => {
    const t = timedTrial(lite, runs, 15_000, arrivals);
    expect(t).toMatchObject({ slow: true, medianMs: ms, frames: runs.length });
  });

  it('a slow model still counts as loaded: it is chosen, the TensorFlow.js fallback is not', () => {
    const slow = timedTrial(lite, [900, 800, 700], 15_000);
    expect(pickEngine([slow])).toEqual(lite);
    expect(measureNext(slow)).toBe(false);
  });

  it('a slow model is never picked as keeping up, even with a small estimate', () => {
    const slow: EngineTrial = { spec: full, medianMs: 30, slow: true, frames: 4 };
    expect(pickEngine([timed(lite, 60), slow], 80)).toEqual(lite);
  });

  it('measures the next model only after one that kept up', () => {
    expect(measureNext(timed(lite, 55))).toBe(true);
    expect(measureNext(timed(lite, 95))).toBe(false);
    expect(measureNext(failedTrial(lite, 'x'))).toBe(false);
  });
});

describe('the choice in words', () => {
  it('names the engine for people', () => {
    expect(engineLabel(full)).toBe('MediaPipe full');
    expect(engineLabel({ engine: 'tfjs', model: 'blazepose-lite' })).toBe(
      'TensorFlow.js BlazePose lite',
    );
  });

  it('within budget, with why the heavier one was not taken', () => {
    const trials = [timed(lite, 55), timed(full, 90)];
    expect(describeChoice(trials, lite, 80)).toBe(
      'Chose MediaPipe lite: 55 ms a frame, within the 80 ms budget. MediaPipe full is too slow here (90 ms a frame).',
    );
  });

  it('nothing keeps up: the fastest, saying frames are skipped', () => {
    expect(describeChoice([timed(lite, 120)], lite, 80)).toBe(
      'Chose MediaPipe lite, the fastest: 120 ms a frame, over the 80 ms budget, so some frames are skipped.',
    );
  });

  it('a slow model is called slow, never "would not load"', () => {
    const slow = timedTrial(lite, [900, 800, 700], 15_000);
    const note = describeChoice([slow], lite, 80);
    expect(note).toBe(
      'Chose MediaPipe lite, the fastest: about 5000 ms a frame or more, over the 80 ms budget, so some frames are skipped.',
    );
    expect(note).not.toMatch(/would not load/);
    const heavier = timedTrial(full, [2000], 15_000);
    expect(describeChoice([timed(lite, 60), heavier], lite, 80)).toBe(
      'Chose MediaPipe lite: 60 ms a frame, within the 80 ms budget. MediaPipe full loaded but is slow here: 1 frame in the timing window.',
    );
  });

  it('a failed load says so, with the reason, and names the fallback', () => {
    const trials = [failedTrial(lite, new Error('WebAssembly is off'))];
    expect(describeChoice(trials, undefined, 80)).toBe(
      'Using TensorFlow.js BlazePose lite: MediaPipe would not load. MediaPipe lite would not load (WebAssembly is off).',
    );
  });
});
