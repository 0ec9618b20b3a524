import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../src/core/features.ts';
import { LANDMARK, LANDMARK_COUNT, type LandmarkName } from '../../src/core/landmarks.ts';
import type { ImageLandmark, PoseFrame } from '../../src/core/pose-frame.ts';
import { TORSO_ROTATION_UNCERTAINTY_DEG } from '../../src/core/torso-rotation-model.ts';

/** A frame on a 1000×1000 image from pixel positions; visibility 0.9 unless given. */
function frame(
  points: Partial<Record<LandmarkName, [number, number] | [number, number, number]>>,
): PoseFrame {
  const landmarks: (ImageLandmark | null)[] = new Array(LANDMARK_COUNT).fill(null);
  for (const [name, [x, y, v = 0.9]] of Object.entries(points) as [LandmarkName, number[]][]) {
    landmarks[LANDMARK[name]] = { x: x! / 1000, y: y! / 1000, visibility: v! };
  }
  return { tMs: 500, engine: 'mediapipe/lite', imageWidth: 1000, imageHeight: 1000, landmarks };
}
const deg = (rad: number) => (rad * 180) / Math.PI;

describe('computeFeatures: standing, arms hanging (front view)', () => {
  // Torso 300 px (mid-shoulder 500,300 → mid-hip 500,600); thighs 200 px.
  const f = computeFeatures(
    frame({
      nose: [500, 240],
      left_ear: [510, 250],
      right_ear: [490, 250],
      left_shoulder: [520, 300],
      right_shoulder: [480, 300],
      left_elbow: [520, 450],
      right_elbow: [480, 450],
      left_wrist: [520, 600],
      right_wrist: [480, 600],
      left_hip: [520, 600],
      right_hip: [480, 600],
      left_knee: [520, 800],
      right_knee: [480, 800],
      left_ankle: [520, 980],
      right_ankle: [480, 980],
    }),
  );
  const head = { x: 500, y: (240 + 250 + 250) / 3 };

  it.each<[string, number | undefined, number]>([
    ['torso length, px', f.torsoLengthPx, 300],
    ['thigh length, px', f.thighLengthPx, 200],
    ['trunk direction: upright', f.trunkDirectionDeg, 0],
    ['trunk lean', f.trunkLeanDeg, 0],
    ['left knee straight', f.kneeAngleDeg.left, 180],
    ['right elbow straight', f.elbowAngleDeg.right, 180],
    ['left hip straight', f.hipAngleDeg.left, 180],
    // Trunk (0,-300) against shoulder→mid-ear (0,-50): in line.
    ['neck flexion', f.neckFlexionDeg, 0],
    // Floor line at the ankles (980): (980 - 600) / 200.
    ['hip height', f.hipHeightThighs, 1.9],
    ['hips to heels (ankles)', f.hipsToHeelsThighs, 1.9],
    ['wrist gap', f.wristGapTorso, 40 / 300],
    ['farther wrist to head', f.wristToHeadTorso, Math.hypot(20, 600 - head.y) / 300],
    ['wrist to opposite shoulder', f.wristToOppositeShoulderTorso, Math.hypot(40, 300) / 300],
    // Knees 200 px below the hips.
    ['knee drop', f.kneeDropTorso, 200 / 300],
  ])('%s', (_, value, expected) => {
    expect(value).toBeCloseTo(expected, 6);
  });

  it('is usable', () => expect(f.usable).toBe(true));

  it('estimates the torso rotation, with its measured uncertainty', () => {
    expect(Number.isFinite(f.torsoRotationDeg)).toBe(true);
    expect(f.torsoRotationUncertaintyDeg).toBe(TORSO_ROTATION_UNCERTAINTY_DEG);
  });
});

describe('computeFeatures: lying back over a roller, head to the right (side view)', () => {
  const f = computeFeatures(
    frame({
      left_ear: [760, 470],
      left_shoulder: [700, 500],
      left_elbow: [740, 400],
      left_wrist: [780, 450],
      left_hip: [400, 560],
      left_knee: [250, 400],
      left_ankle: [150, 600],
      left_heel: [140, 610],
    }),
  );

  it.each<[string, number | undefined, number]>([
    // Hips → shoulders (300, -60): atan2(300, 60) clockwise from up.
    ['trunk direction', f.trunkDirectionDeg, deg(Math.atan2(300, 60))],
    ['trunk lean', f.trunkLeanDeg, deg(Math.atan2(300, 60))],
    ['thigh length', f.thighLengthPx, Math.hypot(150, 160)],
    // Knee: to hip (150, 160), to ankle (-100, 200).
    [
      'knee angle',
      f.kneeAngleDeg.left,
      deg(Math.acos((150 * -100 + 160 * 200) / (Math.hypot(150, 160) * Math.hypot(100, 200)))),
    ],
    // Hip: to shoulder (300, -60), to knee (-150, -160).
    [
      'hip angle',
      f.hipAngleDeg.left,
      deg(Math.acos((300 * -150 + -60 * -160) / (Math.hypot(300, 60) * Math.hypot(150, 160)))),
    ],
    // Floor line at the lowest foot point, the heel (610): (610 - 560) / thigh.
    ['hip height', f.hipHeightThighs, 50 / Math.hypot(150, 160)],
    // Trunk (300, -60) against shoulder → ear (60, -30).
    [
      'neck flexion',
      f.neckFlexionDeg,
      deg(Math.acos((300 * 60 + 60 * 30) / (Math.hypot(300, 60) * Math.hypot(60, 30)))),
    ],
    ['hips to heel', f.hipsToHeelsThighs, Math.hypot(260, 50) / Math.hypot(150, 160)],
    // The one seen wrist (780, 450) to the head (the seen ear, 760, 470), over the torso.
    ['seen wrist to head', f.wristToHeadTorso, Math.hypot(20, 20) / Math.hypot(300, 60)],
  ])('%s', (_, value, expected) => {
    expect(value).toBeCloseTo(expected, 6);
  });

  it('measures that need the hidden far side stay unknown', () => {
    expect(f.kneeAngleDeg.right).toBeUndefined();
    expect(f.wristGapTorso).toBeUndefined();
    expect(f.wristToOppositeShoulderTorso).toBeUndefined();
  });
});

describe('computeFeatures: nothing is guessed', () => {
  it('a landmark seen at visibility under 0.5 leaves its measures unknown', () => {
    const f = computeFeatures(
      frame({
        left_shoulder: [500, 300],
        left_hip: [500, 600],
        left_knee: [500, 800, 0.3],
        left_ankle: [500, 980],
      }),
    );
    expect(f.kneeAngleDeg).toEqual({});
    expect(f.hipAngleDeg).toEqual({});
    expect(f.thighLengthPx).toBeUndefined();
    expect(f.hipHeightThighs).toBeUndefined();
    expect(f.trunkDirectionDeg).toBe(0);
  });

  it('an empty frame gives only unknowns', () => {
    const f = computeFeatures(frame({}));
    expect(f).toEqual({
      tMs: 500,
      usable: false,
      kneeAngleDeg: {},
      elbowAngleDeg: {},
      hipAngleDeg: {},
    });
  });
});
