import { describe, expect, it } from 'vitest';
import { ANALYSIS_RATE, rateProblem, rateWarning } from '../../src/feedback/analysis-rate.ts';

describe('analysis rate', () => {
  it('the roller speed line follows its checker: 3 frames in 1.5 s is 2 a second', () => {
    expect(ANALYSIS_RATE.rollerSpeedMinPerS).toBe(2);
  });

  it.each([
    // exercise, frames/s, intervals, shown before → problem now
    ['childs-pose', 15, 9, undefined, undefined],
    ['childs-pose', 1, 9, undefined, undefined], // 1 a second still times holds
    ['childs-pose', 0.7, 9, undefined, 'holds'],
    ['childs-pose', 0.7, 4, undefined, undefined], // too few intervals to trust yet
    ['childs-pose', 0.9, 9, 'holds', 'holds'], // under 0.8 × 1.2: still shown
    ['childs-pose', 1, 9, 'holds', undefined],
    ['seated-twist', 1.5, 9, undefined, undefined],
    ['foam-roller', 1.5, 9, undefined, 'roller-speed'],
    ['foam-roller', 2.2, 9, 'roller-speed', 'roller-speed'], // under 2 × 1.2
    ['foam-roller', 2.5, 9, 'roller-speed', undefined],
    ['foam-roller', 0.5, 9, 'roller-speed', 'holds'], // the worse problem wins
    ['foam-roller', undefined, 0, 'holds', 'holds'], // nothing measured: as before
  ] as const)('%s at %s/s over %s intervals (shown: %s) → %s', (exercise, perS, n, shown, want) => {
    expect(rateProblem(exercise, perS, n, shown)).toBe(want);
  });

  it('says what happened and what to do', () => {
    expect(rateWarning('holds', 0.64)).toBe(
      'This device analyses only 0.6 frames a second: too few to time your holds. Close other apps and browser tabs, or stop and choose a lighter model in Settings (MediaPipe lite).',
    );
    expect(rateWarning('roller-speed', 1.4)).toMatch(
      /^This device analyses only 1\.4 frames a second: too few to judge your rolling speed, so roll slowly\./,
    );
    expect(rateWarning('holds', 1)).toContain('only 1 frame a second');
  });
});
