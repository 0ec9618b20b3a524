import { describe, expect, it } from 'vitest';
import type { Features } from '../../src/core/features.ts';
import type { CheckerOptions } from '../../src/exercises/checker.ts';
import {
  type SeatedTwistState,
  seatedTwistChecker,
} from '../../src/exercises/seated-twist/checker.ts';
import { SEATED_TWIST_CONFIG as C } from '../../src/exercises/seated-twist/config.ts';
import { featuresOf } from '../support/features.ts';

/** Sitting tall, turned 35° to the right (negative: chest toward the person's right). */
const TWISTED_RIGHT: Partial<Features> = {
  trunkLeanDeg: 4,
  trunkLeanWorldDeg: 5,
  torsoRotationDeg: -35,
  torsoRotationUncertaintyDeg: 11.5,
};

/** Feeds `frames(t)` every 100 ms up to `untilMs`; returns the verdicts. */
function run(
  untilMs: number,
  frames: (tMs: number) => Partial<Features>,
  options: CheckerOptions = {},
) {
  let state: SeatedTwistState = seatedTwistChecker.initial(options);
  const out = [];
  for (let t = 0; t <= untilMs; t += 100) {
    const step = seatedTwistChecker.step(
      state,
      featuresOf({ ...TWISTED_RIGHT, ...frames(t), tMs: t }),
      t,
    );
    state = step.state;
    out.push(step.verdict);
  }
  return out;
}

describe('seated-twist checker', () => {
  it('turned toward the asked side, sitting tall: holding that side, praise only', () => {
    const last = run(2000, () => ({}), { side: 'right' }).at(-1)!;
    expect(last).toMatchObject({ phase: 'holding', formGood: true, side: 'right' });
    expect(last.raised).toEqual(['good-hold']);
    expect(last.metrics.torsoRotationDeg).toBe(-35);
  });

  it('after the breathing delay the hold also paces a breath', () => {
    const last = run(C.breatheAfterMs + 500, () => ({})).at(-1)!;
    expect(last.raised).toEqual(['good-hold', 'breathe-out']);
  });

  it.each([
    // [what, features, asked side, the cue]
    ['turned away from the asked side', { torsoRotationDeg: 30 }, 'right', 'twist-toward-knee'],
    ['slumped (world lean 28°)', { trunkLeanWorldDeg: 28 }, 'right', 'sit-tall'],
    [
      'slumped, no world points (image lean 25°)',
      { trunkLeanWorldDeg: undefined, trunkLeanDeg: 25 },
      undefined,
      'sit-tall',
    ],
  ] as const)('%s → %s', (_, fault, side, cue) => {
    const last = run(2000, () => fault, side ? { side } : {}).at(-1)!;
    expect(last.raised).toEqual([cue]);
    expect(last.formGood).toBe(false);
    expect(last.phase).toBe('in-position');
  });

  it('without an asked side, the side is the way the person turns, and no way is wrong', () => {
    const last = run(2000, () => ({ torsoRotationDeg: 30 })).at(-1)!;
    expect(last).toMatchObject({ phase: 'holding', formGood: true, side: 'left' });
  });

  it('sitting square: no side, and "turn further" only after time to set up', () => {
    const square = run(C.turnFurtherAfterMs - 200, () => ({ torsoRotationDeg: 5 }));
    expect(square.every((v) => v.raised.length === 0 && v.side === undefined)).toBe(true);
    expect(square.at(-1)).toMatchObject({ phase: 'in-position', formGood: false });
    const later = run(C.turnFurtherAfterMs + 200, () => ({ torsoRotationDeg: 5 })).at(-1)!;
    expect(later.raised).toEqual(['turn-further']);
  });

  it('repeated yanks within the twist are forcing; one brisk turn in is not', () => {
    // Yanked 20° within a frame (200°/s) between -30° and -50°, every 0.3 s.
    const yanking = run(1500, (t) => ({ torsoRotationDeg: Math.floor(t / 300) % 2 ? -50 : -30 }));
    expect(yanking.at(-1)!.raised).toContain('ease-off');
    expect(yanking.at(-1)!.formGood).toBe(false);
    // Turning in from square to -40° in 0.3 s, then holding still.
    const brisk = run(2000, (t) => ({ torsoRotationDeg: t < 300 ? -(t / 300) * 40 : -40 }));
    expect(brisk.some((v) => v.raised.includes('ease-off'))).toBe(false);
  });

  it('standing (hips high and knees far below them) is not the seated twist', () => {
    const last = run(1000, () => ({ hipHeightThighs: 2, kneeDropTorso: 0.85 })).at(-1)!;
    expect(last).toMatchObject({ phase: 'setup', raised: [], formGood: false });
  });

  it('nothing seen: no judgement, a hold in progress turns to resting, and the person is asked back into view', () => {
    let state = seatedTwistChecker.initial();
    state = seatedTwistChecker.step(state, featuresOf({ ...TWISTED_RIGHT, tMs: 0 }), 0).state;
    state = seatedTwistChecker.step(state, featuresOf({ ...TWISTED_RIGHT, tMs: 100 }), 100).state;
    const unseen = seatedTwistChecker.step(state, featuresOf({ usable: false, tMs: 200 }), 200);
    expect(unseen.verdict).toMatchObject({
      phase: 'resting',
      raised: ['move-into-view'],
      formGood: undefined,
    });
  });

  it('rotation unknown: form cannot be judged, and nothing is cued from it', () => {
    const last = run(6000, () => ({ torsoRotationDeg: undefined })).at(-1)!;
    expect(last).toMatchObject({ phase: 'in-position', raised: [], formGood: undefined });
  });
});
