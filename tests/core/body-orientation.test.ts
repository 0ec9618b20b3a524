import { describe, expect, it } from 'vitest';
import {
  type BodyOrientation,
  bodyOrientation,
  type Facing,
  facingFromYaw,
  type OrientationInputs,
} from '../../src/core/body-orientation.ts';

describe('bodyOrientation', () => {
  it.each<[string, OrientationInputs, BodyOrientation | undefined]>([
    [
      'standing: trunk vertical, hips two thighs up, knees below',
      { trunkLeanDeg: 3, hipHeightThighs: 2, kneeDropTorso: 0.85 },
      'upright',
    ],
    [
      'standing, feet out of frame, knees far below the hips',
      { trunkLeanDeg: 3, kneeDropTorso: 0.95 },
      'upright',
    ],
    ['seated on the floor', { trunkLeanDeg: 5, hipHeightThighs: 0.4 }, 'seated'],
    ['seated, feet unseen, knees at hip level', { trunkLeanDeg: 5, kneeDropTorso: 0.1 }, 'seated'],
    // A slump seen from the front: the feet drift (hip 2.0) but the knees stay near the hips.
    [
      'seated slump, feet misread high',
      { trunkLeanDeg: 30, hipHeightThighs: 2, kneeDropTorso: 0.3 },
      'seated',
    ],
    ['upright, legs unclear: cannot tell', { trunkLeanDeg: 4, kneeDropTorso: 0.6 }, undefined],
    ['lying back on a roller', { trunkLeanDeg: 70, hipHeightThighs: 0.3 }, 'lying'],
    ['on hands and knees', { trunkLeanDeg: 85, hipHeightThighs: 1.1 }, 'all-fours'],
    ['folded forward, head below the hips', { trunkLeanDeg: 105, hipHeightThighs: 0.5 }, 'folded'],
    ['leaning halfway', { trunkLeanDeg: 45, hipHeightThighs: 0.5 }, undefined],
    ['low trunk, hips unseen', { trunkLeanDeg: 70 }, undefined],
    ['trunk unseen', { hipHeightThighs: 0.4 }, undefined],
  ])('%s', (_, inputs, expected) => {
    expect(bodyOrientation(inputs)).toBe(expected);
  });
});

describe('facingFromYaw', () => {
  it.each<[number | undefined, Facing | undefined]>([
    [0, 'front'],
    [40, 'front'],
    [-40, 'front'],
    [90, 'left'],
    [60, 'left'],
    [-90, 'right'],
    [180, 'back'],
    [-150, 'back'],
    [undefined, undefined],
    [Number.NaN, undefined],
  ])('yaw %s° → %s', (yaw, expected) => {
    expect(facingFromYaw(yaw)).toBe(expected);
  });
});
