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

  describe('the zero taken while sitting square', () => {
    /** Sits square (the estimate reading `squareDeg`) for 2 s, then `after` from then on. */
    const sitThen = (squareDeg: number, after: Partial<Features>) =>
      run(
        4000,
        (t) => (t < 2000 ? { torsoRotationDeg: squareDeg, torsoRotationWorldDeg: 0 } : after),
        { side: 'right' },
      );

    it('turned away from the asked side, by the zeroed estimate and the world points: twist toward the knee', () => {
      const last = sitThen(0, { torsoRotationDeg: 30, torsoRotationWorldDeg: 20 }).at(-1)!;
      expect(last.raised).toEqual(['twist-toward-knee']);
      expect(last).toMatchObject({ formGood: false, phase: 'in-position' });
    });

    it('the world points turned the asked way: a wrong way read by the estimate alone is not said', () => {
      const last = sitThen(0, { torsoRotationDeg: 30, torsoRotationWorldDeg: -10 }).at(-1)!;
      expect(last.raised).not.toContain('twist-toward-knee');
      expect(last.formGood).toBe(false);
    });

    it('without world points the raw and the zeroed estimate must both read the wrong way', () => {
      const wrong = sitThen(0, { torsoRotationDeg: 30, torsoRotationWorldDeg: undefined });
      expect(wrong.at(-1)!.raised).toEqual(['twist-toward-knee']);
    });

    it('an estimate that reads turned while the person sits square is not a wrong way', () => {
      // Reads +30° (the wrong way for the right side) from the start, square all along.
      const square = sitThen(30, { torsoRotationDeg: 30, torsoRotationWorldDeg: 0 });
      expect(square.some((v) => v.raised.includes('twist-toward-knee'))).toBe(false);
    });

    it('a session that starts already turned the asked way still holds (the zero is not used for praise)', () => {
      const last = sitThen(-35, { torsoRotationDeg: -35, torsoRotationWorldDeg: -20 }).at(-1)!;
      expect(last).toMatchObject({ phase: 'holding', formGood: true, side: 'right' });
      expect(last.raised).toContain('good-hold');
    });
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
    // Yanked 50° within a frame (500°/s) between -20° and -70°, every 0.3 s.
    const yanking = run(1500, (t) => ({ torsoRotationDeg: Math.floor(t / 300) % 2 ? -70 : -20 }));
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
