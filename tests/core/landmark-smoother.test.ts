import { describe, expect, it } from 'vitest';
import { LandmarkSmoother } from '../../src/core/landmark-smoother.ts';
import { LANDMARK, LANDMARK_COUNT } from '../../src/core/landmarks.ts';
import type { ImageLandmark, PoseFrame } from '../../src/core/pose-frame.ts';

function frame(tMs: number, x: number): PoseFrame {
  const landmarks: (ImageLandmark | null)[] = new Array(LANDMARK_COUNT).fill(null);
  landmarks[LANDMARK.nose] = { x, y: 0.5, visibility: 0.8 };
  return {
    tMs,
    engine: 'mediapipe/lite',
    imageWidth: 100,
    imageHeight: 100,
    landmarks,
    world: landmarks.map((p) => (p ? { x, y: 0, z: 0 } : null)),
  };
}

describe('LandmarkSmoother', () => {
  it('steadies jitter on every landmark, keeps visibility and absent points', () => {
    const s = new LandmarkSmoother();
    let last: PoseFrame | undefined;
    for (let i = 0; i < 60; i++) last = s.apply(frame(i * 33, 0.5 + (i % 2 ? 0.004 : -0.004)));
    const nose = last!.landmarks[LANDMARK.nose]!;
    expect(Math.abs(nose.x - 0.5)).toBeLessThan(0.0015);
    expect(nose.visibility).toBe(0.8);
    expect(last!.landmarks[LANDMARK.left_hip]).toBeNull();
    expect(Math.abs(last!.world![LANDMARK.nose]!.x - 0.5)).toBeLessThan(0.0015);
  });

  it('starts afresh after a gap, so a person coming back is not dragged', () => {
    const s = new LandmarkSmoother();
    for (let i = 0; i < 10; i++) s.apply(frame(i * 33, 0.2));
    s.markMissing(900);
    expect(s.apply(frame(1000, 0.8)).landmarks[LANDMARK.nose]!.x).toBe(0.8);
  });
});
