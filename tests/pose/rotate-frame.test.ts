import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT } from '../../src/core/landmarks.ts';
import type { PoseFrame } from '../../src/core/pose-frame.ts';
import { type QuarterTurn, rotateRgba, unturnFrame } from '../../src/pose/rotate-frame.ts';

/** A 3×2 image whose red channel numbers the pixels 0..5 row by row. */
const image = {
  width: 3,
  height: 2,
  data: new Uint8Array([0, 1, 2, 3, 4, 5].flatMap((i) => [i, 0, 0, 255])),
};
const red = (img: { data: ArrayLike<number>; width: number; height: number }) =>
  Array.from({ length: img.height }, (_, y) =>
    Array.from({ length: img.width }, (_, x) => img.data[(y * img.width + x) * 4]),
  );

describe('rotateRgba', () => {
  it('turns clockwise: the left column becomes the top row, read bottom-up', () => {
    // 0 1 2      3 0
    // 3 4 5  →   4 1
    //            5 2
    const turned = rotateRgba(image, 1);
    expect([turned.width, turned.height]).toEqual([2, 3]);
    expect(red(turned)).toEqual([
      [3, 0],
      [4, 1],
      [5, 2],
    ]);
  });

  it('turns counter-clockwise: the right column becomes the top row', () => {
    expect(red(rotateRgba(image, -1))).toEqual([
      [2, 5],
      [1, 4],
      [0, 3],
    ]);
  });

  it('a turn and its opposite give the image back', () => {
    expect(red(rotateRgba(rotateRgba(image, 1), -1))).toEqual(red(image));
  });
});

describe('unturnFrame', () => {
  const frameAt = (x: number, y: number, w: number, h: number): PoseFrame => ({
    tMs: 5,
    engine: 'tfjs/test',
    imageWidth: w,
    imageHeight: h,
    landmarks: Array.from({ length: LANDMARK_COUNT }, (_, i) =>
      i === 0 ? { x, y, visibility: 0.9 } : null,
    ),
    world: Array.from({ length: LANDMARK_COUNT }, (_, i) =>
      i === 0 ? { x: 0.1, y: 0.2, z: 0.3 } : null,
    ),
  });

  it.each<[QuarterTurn, number, number]>([
    // Pixel (2, 0) of the 3×2 image (centre x = 2.5/3, y = 0.5/2) lands at (1.5/2, 2.5/3) clockwise…
    [1, 0.75, 2.5 / 3],
    // …and at (0.5/2, 0.5/3) counter-clockwise.
    [-1, 0.25, 0.5 / 3],
  ])('turn %i: a point found in the turned frame maps back to where it was', (turn, tx, ty) => {
    const back = unturnFrame(frameAt(tx, ty, 2, 3), turn);
    expect([back.imageWidth, back.imageHeight]).toEqual([3, 2]);
    expect(back.landmarks[0]!.x).toBeCloseTo(2.5 / 3, 10);
    expect(back.landmarks[0]!.y).toBeCloseTo(0.25, 10);
    expect(back.landmarks[0]!.visibility).toBe(0.9);
    expect(back.landmarks[1]).toBeNull();
    expect(back.tMs).toBe(5);
  });

  it('turns world points with the image and keeps depth', () => {
    expect(unturnFrame(frameAt(0, 0, 1, 1), 1).world![0]).toEqual({ x: 0.2, y: -0.1, z: 0.3 });
    expect(unturnFrame(frameAt(0, 0, 1, 1), -1).world![0]).toEqual({ x: -0.2, y: 0.1, z: 0.3 });
  });
});
