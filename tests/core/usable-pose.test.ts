import { describe, expect, it } from 'vitest';
import { LANDMARK, LANDMARK_COUNT } from '../../src/core/landmarks.ts';
import type { ImageLandmark, PoseFrame } from '../../src/core/pose-frame.ts';
import { isUsablePose, trunkImageAngle } from '../../src/core/usable-pose.ts';

function frame(
  points: Partial<Record<keyof typeof LANDMARK, ImageLandmark>>,
  w = 640,
  h = 360,
): PoseFrame {
  const landmarks: (ImageLandmark | null)[] = new Array(LANDMARK_COUNT).fill(null);
  for (const [name, p] of Object.entries(points))
    landmarks[LANDMARK[name as keyof typeof LANDMARK]] = p;
  return { tMs: 0, engine: 'mediapipe/lite', imageWidth: w, imageHeight: h, landmarks };
}
const at = (x: number, y: number, visibility = 0.9): ImageLandmark => ({ x, y, visibility });

describe('isUsablePose', () => {
  it.each([
    ['all four trunk points seen', [0.9, 0.9, 0.9, 0.9], true],
    ['far side hidden (side view)', [0.95, 0.3, 0.95, 0.3], true],
    ['no hip seen', [0.9, 0.9, 0.4, 0.4], false],
    ['no shoulder seen', [0.2, 0.2, 0.99, 0.99], false],
    ['one of each seen but trunk mostly hidden', [0.6, 0.1, 0.6, 0.1], false],
  ])('%s', (_, [ls, rs, lh, rh], expected) => {
    const f = frame({
      left_shoulder: at(0.5, 0.3, ls),
      right_shoulder: at(0.4, 0.3, rs),
      left_hip: at(0.5, 0.6, lh),
      right_hip: at(0.4, 0.6, rh),
    });
    expect(isUsablePose(f)).toBe(expected);
  });

  it('is false for no frame and for a frame without trunk points', () => {
    expect(isUsablePose(null)).toBe(false);
    expect(isUsablePose(frame({ nose: at(0.5, 0.5) }))).toBe(false);
  });
});

describe('trunkImageAngle', () => {
  // Shoulders 100 px from the hips in each direction; 640×360 image.
  it.each([
    ['upright', [320, 80], [320, 180], 0],
    ['head to the right', [420, 180], [320, 180], 90],
    ['head to the left', [220, 180], [320, 180], -90],
    ['upside down', [320, 280], [320, 180], 180],
    ['leaning 45° right (pixels, not normalised units)', [420, 80], [320, 180], 45],
  ])('%s', (_, [sx, sy], [hx, hy], expected) => {
    const f = frame({
      left_shoulder: at(sx! / 640, sy! / 360),
      right_shoulder: at(sx! / 640, sy! / 360),
      left_hip: at(hx! / 640, hy! / 360),
      right_hip: at(hx! / 640, hy! / 360),
    });
    expect(trunkImageAngle(f)).toBeCloseTo(expected as number, 6);
  });

  it('is undefined without the trunk', () => {
    expect(trunkImageAngle(frame({ left_shoulder: at(0.5, 0.5) }))).toBeUndefined();
  });
});
