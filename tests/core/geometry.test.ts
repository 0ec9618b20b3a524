import { describe, expect, it } from 'vitest';
import { angleAt, angleBetween, angleDiff, imageDirection } from '../../src/core/geometry.ts';

describe('geometry', () => {
  it.each([
    ['straight leg', { x: 0, y: 0 }, { x: 0, y: 1 }, { x: 0, y: 2 }, 180],
    ['right angle', { x: 0, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 }, 90],
    ['45° (1,1 against 1,0)', { x: 1, y: 1 }, { x: 0, y: 0 }, { x: 1, y: 0 }, 45],
    ['folded back on itself', { x: 0, y: 0 }, { x: 0, y: 1 }, { x: 0, y: 0 }, 0],
  ])('angleAt: %s', (_, a, b, c, deg) => {
    expect(angleAt(a, b, c)).toBeCloseTo(deg, 9);
  });

  it('angleAt in 3D uses depth: (0,0,1)–(0,0,0)–(1,0,0) is 90°', () => {
    expect(angleAt({ x: 0, y: 0, z: 1 }, { x: 0, y: 0, z: 0 }, { x: 1, y: 0, z: 0 })).toBeCloseTo(
      90,
      9,
    );
  });

  it('angles of zero-length vectors are unknown', () => {
    expect(angleBetween({ x: 0, y: 0 }, { x: 1, y: 0 })).toBeUndefined();
    expect(angleAt({ x: 1, y: 1 }, { x: 1, y: 1 }, { x: 2, y: 2 })).toBeUndefined();
  });

  it.each([
    [{ x: 0, y: -1 }, 0],
    [{ x: 1, y: 0 }, 90],
    [{ x: 0, y: 1 }, 180],
    [{ x: -1, y: 0 }, -90],
    [{ x: 1, y: -1 }, 45],
  ])('imageDirection(%o) = %d° clockwise from up', (v, deg) => {
    expect(imageDirection(v)).toBeCloseTo(deg, 9);
  });

  it.each([
    [10, 350, 20],
    [350, 10, -20],
    [180, -180, 0],
    [-170, 170, 20],
    [90, -90, 180],
  ])('angleDiff(%d, %d) = %d', (a, b, d) => {
    expect(angleDiff(a, b)).toBeCloseTo(d, 9);
  });
});
