import { describe, expect, it } from 'vitest';
import { FeatureStream } from '../../src/core/feature-stream.ts';
import { LANDMARK, LANDMARK_COUNT, type LandmarkName } from '../../src/core/landmarks.ts';
import type { ImageLandmark, PoseFrame } from '../../src/core/pose-frame.ts';

/** An upright trunk on a 1000×1000 image: shoulders at y 300, hips at y 600; `dx` shifts it right (px). */
function trunk(tMs: number, dx = 0): PoseFrame {
  const landmarks: (ImageLandmark | null)[] = new Array(LANDMARK_COUNT).fill(null);
  const at: [LandmarkName, number, number][] = [
    ['left_shoulder', 560, 300],
    ['right_shoulder', 440, 300],
    ['left_hip', 540, 600],
    ['right_hip', 460, 600],
  ];
  for (const [name, x, y] of at)
    landmarks[LANDMARK[name]] = { x: (x + dx) / 1000, y: y / 1000, visibility: 0.9 };
  return { tMs, engine: 'mediapipe/lite', imageWidth: 1000, imageHeight: 1000, landmarks };
}

describe('FeatureStream', () => {
  it('measures each frame at the stream’s time, and nobody seen as unknown', () => {
    const s = new FeatureStream();
    const seen = s.next(trunk(999_999), 100);
    expect(seen.features).toMatchObject({ tMs: 100, usable: true, torsoLengthPx: 300 });
    expect(seen.smoothed?.tMs).toBe(100);
    const nobody = s.next(null, 200);
    expect(nobody).toEqual({
      smoothed: null,
      features: {
        tMs: 200,
        usable: false,
        kneeAngleDeg: {},
        elbowAngleDeg: {},
        hipAngleDeg: {},
        shoulderAngleDeg: {},
      },
    });
  });

  it('smooths across frames: a 10 px jitter on a still trunk moves the smoothed trunk less', () => {
    const s = new FeatureStream();
    let x = 0;
    for (let i = 0; i < 30; i++) {
      const { smoothed } = s.next(trunk(0, i % 2 ? 10 : 0), i * 33);
      x = smoothed!.landmarks[LANDMARK.left_shoulder]!.x * 1000;
    }
    // Raw alternates 560/570; the smoothed point stays near the middle.
    expect(Math.abs(x - 565)).toBeLessThan(3);
  });
});
