import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../src/core/features.ts';
import { LANDMARK, LANDMARK_COUNT, type LandmarkName } from '../../src/core/landmarks.ts';
import type { ImageLandmark, PoseFrame } from '../../src/core/pose-frame.ts';
import { TORSO_ROTATION_WINDOW_UNCERTAINTY_DEG } from '../../src/core/torso-rotation-window-model.ts';

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

describe('computeFeatures: world points (metres; x right, y down, z away from the camera)', () => {
  // Image points only make the trunk seen; the world points carry the 3D measures.
  const image = frame({
    left_shoulder: [560, 300],
    right_shoulder: [440, 300],
    left_hip: [540, 600],
    right_hip: [460, 600],
  });
  const withWorld = (w: Partial<Record<LandmarkName, [number, number, number]>>): PoseFrame => {
    const world = new Array(LANDMARK_COUNT).fill(null);
    for (const [name, [x, y, z]] of Object.entries(w) as [LandmarkName, number[]][])
      world[LANDMARK[name]] = { x, y, z };
    return { ...image, world };
  };

  it.each<[string, Partial<Record<LandmarkName, [number, number, number]>>, number, string]>([
    // Shoulders 0.2 m to either side at the same depth: square to the camera.
    [
      'chest to the camera',
      { left_shoulder: [0.2, -0.5, 0], right_shoulder: [-0.2, -0.5, 0] },
      0,
      'front',
    ],
    // The left shoulder 0.2 m nearer the camera than the right, both at x 0: left side on.
    [
      'left side to the camera',
      { left_shoulder: [0, -0.5, -0.2], right_shoulder: [0, -0.5, 0.2] },
      90,
      'left',
    ],
    [
      'right side to the camera',
      { left_shoulder: [0, -0.5, 0.2], right_shoulder: [0, -0.5, -0.2] },
      -90,
      'right',
    ],
    // Left shoulder on the image's left: the back is to the camera.
    [
      'back to the camera',
      { left_shoulder: [-0.2, -0.5, 0], right_shoulder: [0.2, -0.5, 0] },
      180,
      'back',
    ],
    // 45° between front and left side on: atan2(0.1, 0.1).
    [
      'turned 45°, left side nearer',
      { left_shoulder: [0.1, -0.5, -0.1], right_shoulder: [-0.1, -0.5, 0.1] },
      45,
      'front',
    ],
  ])('%s: yaw %s°, facing %s', (_, world, yaw, facing) => {
    const f = computeFeatures(withWorld(world));
    expect(Math.abs(f.shoulderYawDeg!)).toBeCloseTo(Math.abs(yaw), 6);
    if (Math.abs(yaw) !== 180) expect(f.shoulderYawDeg).toBeCloseTo(yaw, 6);
    expect(f.facing).toBe(facing);
  });

  it.each<[string, Partial<Record<LandmarkName, [number, number, number]>>, number]>([
    // Head toward the image's right, shoulders 0.5 m from the hips: on the back the
    // person's left side is the nearer one, chest down the farther one.
    [
      'lying on the back',
      {
        left_shoulder: [0.5, 0, -0.2],
        right_shoulder: [0.5, 0, 0.2],
        left_hip: [0, 0, -0.1],
        right_hip: [0, 0, 0.1],
      },
      1,
    ],
    [
      'chest to the floor',
      {
        left_shoulder: [0.5, 0, 0.2],
        right_shoulder: [0.5, 0, -0.2],
        left_hip: [0, 0, 0.1],
        right_hip: [0, 0, -0.1],
      },
      -1,
    ],
    [
      'sitting up, chest to the camera',
      {
        left_shoulder: [0.2, -0.5, 0],
        right_shoulder: [-0.2, -0.5, 0],
        left_hip: [0.1, 0, 0],
        right_hip: [-0.1, 0, 0],
      },
      0,
    ],
  ])('which way the chest faces, from the world points: %s reads %s', (_, world, up) => {
    expect(computeFeatures(withWorld(world)).chestUpWorld).toBeCloseTo(up, 6);
    expect(computeFeatures(image).chestUpWorld).toBeUndefined();
  });

  it('3D trunk lean: a slump toward the camera shows in the world points though not in the image', () => {
    // Mid-shoulder 0.5 m above mid-hip and 0.5 m nearer the camera: 45° from vertical.
    const f = computeFeatures(
      withWorld({
        left_shoulder: [0.2, -0.5, -0.5],
        right_shoulder: [-0.2, -0.5, -0.5],
        left_hip: [0.1, 0, 0],
        right_hip: [-0.1, 0, 0],
      }),
    );
    expect(f.trunkLeanWorldDeg).toBeCloseTo(45, 6);
    expect(f.trunkLeanDeg).toBeCloseTo(0, 6);
  });

  it('3D torso rotation: the shoulder line against the hip line about the vertical, positive chest to the left', () => {
    // Chest turned 30° to the person's left: the left shoulder goes back (away from the camera).
    const [c, s] = [0.2 * Math.cos(Math.PI / 6), 0.2 * Math.sin(Math.PI / 6)];
    const hips: Partial<Record<LandmarkName, [number, number, number]>> = {
      left_hip: [0.1, 0, 0],
      right_hip: [-0.1, 0, 0],
    };
    const turned = computeFeatures(
      withWorld({ left_shoulder: [c, -0.5, s], right_shoulder: [-c, -0.5, -s], ...hips }),
    );
    expect(turned.torsoRotationWorldDeg).toBeCloseTo(30, 6);
    // The whole body turned 30° (hips too): no twist.
    const [hc, hs] = [0.1 * Math.cos(Math.PI / 6), 0.1 * Math.sin(Math.PI / 6)];
    const square = computeFeatures(
      withWorld({
        left_shoulder: [c, -0.5, s],
        right_shoulder: [-c, -0.5, -s],
        left_hip: [hc, 0, hs],
        right_hip: [-hc, 0, -hs],
      }),
    );
    expect(square.torsoRotationWorldDeg).toBeCloseTo(0, 6);
    expect(computeFeatures(image).torsoRotationWorldDeg).toBeUndefined();
  });

  it('3D hip angle: from the world points, hidden ones included (a side view hides the far leg)', () => {
    // Mid-shoulder 0.5 m up from mid-hip, mid-knee 0.4 m toward the camera at hip height: 90°.
    const f = computeFeatures(
      withWorld({
        left_shoulder: [0.2, -0.5, 0],
        right_shoulder: [-0.2, -0.5, 0],
        left_hip: [0.1, 0, 0],
        right_hip: [-0.1, 0, 0],
        left_knee: [0.1, 0, -0.4],
        right_knee: [-0.1, 0, -0.4],
      }),
    );
    expect(f.hipAngleWorldDeg).toBeCloseTo(90, 6);
    expect(computeFeatures(image).hipAngleWorldDeg).toBeUndefined();
  });

  it('without world points the 3D measures are unknown; a square-on image still tells the front', () => {
    const f = computeFeatures(image);
    expect(f.trunkLeanWorldDeg).toBeUndefined();
    expect(f.shoulderYawDeg).toBeUndefined();
    // Shoulders 120 px apart, left on the image's right, torso 300 px: spread 0.4.
    expect(f.facing).toBe('front');
  });
});

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

  it('reads as standing upright; side-on-narrow shoulders (40 px) leave the facing unknown without world points', () => {
    expect(f.orientation).toBe('upright');
    expect(f.facing).toBeUndefined();
  });

  it.each<[string, number | undefined, number]>([
    ['torso length, px', f.torsoLengthPx, 300],
    ['thigh length, px', f.thighLengthPx, 200],
    ['shoulder width: 40 px over a 300 px torso', f.shoulderWidthTorso, 40 / 300],
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
    expect(f.torsoRotationUncertaintyDeg).toBe(TORSO_ROTATION_WINDOW_UNCERTAINTY_DEG);
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
      shoulderAngleDeg: {},
    });
  });
});
