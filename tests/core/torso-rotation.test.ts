import { describe, expect, it } from 'vitest';
import { forward, type RotationModel, rotationInputs } from '../../src/core/torso-rotation.ts';

/** 13 points in ROTATION_INPUT_POINTS order: nose, shoulders, elbows, wrists, hips, knees, ankles. */
function points(over: Record<number, { x: number; y: number } | undefined> = {}) {
  const base = [
    { x: 100, y: 40 }, // nose
    { x: 120, y: 100 }, // left shoulder
    { x: 80, y: 100 }, // right shoulder
    undefined,
    undefined,
    undefined,
    undefined,
    { x: 110, y: 200 }, // left hip
    { x: 90, y: 200 }, // right hip
    undefined,
    undefined,
    undefined,
    undefined,
  ];
  return base.map((p, i) => (i in over ? over[i] : p));
}

describe('rotationInputs', () => {
  it('expresses each point from the mid-hip in torso lengths, with a seen flag', () => {
    const x = rotationInputs(points())!;
    expect(x).toHaveLength(39);
    // Mid-hip (100, 200), torso 100 px: the nose at (0, -1.6), the left shoulder at (0.2, -1).
    expect(x.slice(0, 3)).toEqual([0, -1.6, 1]);
    expect(x.slice(3, 6)).toEqual([0.2, -1, 1]);
    expect(x.slice(9, 12)).toEqual([0, 0, 0]); // the left elbow, unseen
  });

  it('is the same at any scale and place in the image', () => {
    const moved = points().map((p) => p && { x: p.x * 2.5 + 300, y: p.y * 2.5 - 40 });
    expect(rotationInputs(moved)).toEqual(
      rotationInputs(points())!.map((v) => expect.closeTo(v, 12)),
    );
  });

  it('needs all four trunk points', () => {
    expect(rotationInputs(points({ 8: undefined }))).toBeUndefined();
  });
});

describe('forward', () => {
  it('runs dense layers with ReLU between them and a linear output', () => {
    // 2 inputs → 2 hidden (ReLU) → 1 output. Hidden = relu([x0 - x1, x1 - x0]); output = h0 + 2·h1 - 1.
    const model: RotationModel = {
      layers: [
        { weights: [1, -1, -1, 1], bias: [0, 0] },
        { weights: [1, 2], bias: [-1] },
      ],
    };
    expect(forward(model, [3, 1])).toEqual([1]); // h = [2, 0] → 2 - 1
    expect(forward(model, [1, 3])).toEqual([3]); // h = [0, 2] → 4 - 1
  });
});
