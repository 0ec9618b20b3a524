import { describe, expect, it } from 'vitest';
import { forward } from '../../../src/core/torso-rotation.ts';
import { trainMlp } from './train-mlp.ts';

/** A small nonlinear target: (|x0|, x0·x1) on a grid. */
function data() {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let a = -1; a <= 1; a += 0.1) {
    for (let b = -1; b <= 1; b += 0.1) {
      xs.push([a, b]);
      ys.push([Math.abs(a), a * b]);
    }
  }
  return { xs, ys };
}

describe('trainMlp', () => {
  it('learns a nonlinear function, and the loss falls', () => {
    const { xs, ys } = data();
    const losses: number[] = [];
    const model = trainMlp(xs, ys, {
      hidden: [16, 16],
      epochs: 60,
      batch: 16,
      learningRate: 0.01,
      seed: 1,
      onEpoch: (_, l) => losses.push(l),
    });
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 10);
    const [abs, prod] = forward(model, [0.5, -0.6]) as [number, number];
    expect(abs).toBeCloseTo(0.5, 1);
    expect(prod).toBeCloseTo(-0.3, 1);
  });

  it('is deterministic from its seed', () => {
    const { xs, ys } = data();
    const o = { hidden: [4], epochs: 2, batch: 8, learningRate: 0.01, seed: 5 };
    expect(trainMlp(xs, ys, o)).toEqual(trainMlp(xs, ys, o));
  });
});
