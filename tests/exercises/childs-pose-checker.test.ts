import { describe, expect, it } from 'vitest';
import type { Features } from '../../src/core/features.ts';
import { childsPoseChecker } from '../../src/exercises/childs-pose/checker.ts';
import { featuresOf } from '../support/features.ts';

const shape = featuresOf;

const ALL_FOURS = shape({ trunkLeanDeg: 88, kneeAngleDeg: { left: 90 }, hipsToHeelsThighs: 1.2 });
const FOLDED = shape({ trunkLeanDeg: 100, kneeAngleDeg: { left: 32 }, hipsToHeelsThighs: 0.45 });
const HIPS_HIGH = shape({ trunkLeanDeg: 97, kneeAngleDeg: { left: 80 }, hipsToHeelsThighs: 1.15 });

function run(...frames: Features[]) {
  let state = childsPoseChecker.initial();
  return frames.map((f, i) => {
    const out = childsPoseChecker.step(state, f, i * 100);
    state = out.state;
    return out.verdict;
  });
}

describe('child’s pose checker', () => {
  it.each<[string, Features, object]>([
    [
      'on all fours: getting into position, nothing to cue',
      ALL_FOURS,
      { phase: 'setup', raised: [], formGood: false },
    ],
    [
      'folded, hips on the heels, palms not seen: holding, the palms not judged and no praise',
      FOLDED,
      { phase: 'holding', raised: [], formGood: true, notJudged: ['palms-together'] },
    ],
    [
      'folded, hips back, palms together in 3D: holding, praised',
      { ...FOLDED, wristGapWorldM: 0.15, wristGapTorso: 0.6 },
      { phase: 'holding', raised: ['good-hold'], formGood: true, notJudged: [] },
    ],
    [
      'palms apart in 3D (the 2D gap collapsed by the view): cued',
      { ...FOLDED, wristGapWorldM: 0.4, wristGapTorso: 0.05 },
      { phase: 'in-position', raised: ['palms-together'], formGood: false },
    ],
    [
      'a wide 3D gap with one wrist hidden (the model’s guess for it): not judged, never cued',
      { ...FOLDED, wristGapWorldM: 0.4 },
      { phase: 'holding', raised: [], formGood: true, notJudged: ['palms-together'] },
    ],
    [
      'a 3D gap between the lines: not judged, the hold counts unpraised',
      { ...FOLDED, wristGapWorldM: 0.27 },
      { phase: 'holding', raised: [], formGood: true, notJudged: ['palms-together'] },
    ],
    [
      'folded, hips high: sink them back',
      HIPS_HIGH,
      { phase: 'in-position', raised: ['hips-back'], formGood: false },
    ],
    [
      'hips back but palms seen apart',
      { ...FOLDED, wristGapTorso: 0.6 },
      { phase: 'in-position', raised: ['palms-together'], formGood: false },
    ],
    [
      'palms seen together',
      { ...FOLDED, wristGapTorso: 0.1 },
      { phase: 'holding', formGood: true },
    ],
    [
      'trunk not seen: nothing judged, and the person is asked back into view',
      shape({ usable: false }),
      { phase: 'setup', raised: ['move-into-view'], formGood: undefined },
    ],
    [
      'hips unknown (heels hidden): no cue; the hold counts, neither check judged, no praise',
      { ...FOLDED, hipsToHeelsThighs: undefined },
      {
        phase: 'holding',
        raised: [],
        formGood: true,
        notJudged: ['hips-back', 'palms-together'],
      },
    ],
    [
      'folded with the knees and heels hidden under the body (a high camera): in the pose',
      shape({ trunkLeanDeg: 97, orientation: 'folded' }),
      { phase: 'holding', raised: [], formGood: true, notJudged: ['hips-back', 'palms-together'] },
    ],
    [
      'knees and heels hidden, not folded: not in the pose',
      shape({ trunkLeanDeg: 97, orientation: 'lying' }),
      { phase: 'setup', formGood: false },
    ],
    [
      'all fours from the side (trunk a little head-down, knees ~90°), arms seen down: not in the pose, nothing cued',
      shape({
        trunkLeanDeg: 96,
        kneeAngleDeg: { left: 87 },
        hipsToHeelsThighs: 1.3,
        shoulderAngleDeg: { left: 86 },
      }),
      { phase: 'setup', raised: [], formGood: false },
    ],
    [
      'the same with no wrist seen: the hip at ~90° says all fours',
      shape({
        trunkLeanDeg: 96,
        kneeAngleDeg: { left: 87 },
        hipsToHeelsThighs: 1.3,
        hipAngleDeg: { left: 86 },
      }),
      { phase: 'setup', raised: [], formGood: false },
    ],
    [
      'hips high seen from 45° (image lean under horizontal), arms reaching forward: in the pose, cued',
      shape({
        trunkLeanDeg: 80,
        kneeAngleDeg: { left: 78 },
        hipsToHeelsThighs: 1.1,
        shoulderAngleDeg: { left: 150 },
        hipAngleDeg: { left: 65 },
      }),
      { phase: 'in-position', raised: ['hips-back'], formGood: false },
    ],
    [
      'hips a little high (0.75 thighs over the heels): sink them back',
      { ...FOLDED, hipsToHeelsThighs: 0.75 },
      { phase: 'in-position', raised: ['hips-back'], formGood: false },
    ],
    [
      'hips between the lines: not judged, the hold counts, nothing cued or praised',
      { ...FOLDED, hipsToHeelsThighs: 0.65, wristGapWorldM: 0.15, wristGapTorso: 0.6 },
      { phase: 'holding', raised: [], formGood: true, notJudged: ['hips-back'] },
    ],
  ])('%s', (_, f, expected) => {
    expect(run(f)[0]).toMatchObject(expected);
  });

  it('leaving the pose after a hold is resting, not setup', () => {
    expect(run(FOLDED, ALL_FOURS).map((v) => v.phase)).toEqual(['holding', 'resting']);
  });

  it('reports the measures it used, unknowns included', () => {
    expect(run(FOLDED)[0]!.metrics).toEqual({
      trunkLeanDeg: 100,
      hipsToHeelsThighs: 0.45,
      wristGapTorso: undefined,
      wristGapWorldM: undefined,
    });
  });
});
