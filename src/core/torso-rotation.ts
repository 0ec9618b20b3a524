/**
 * Torso rotation (shoulder line against hip line about the vertical) from
 * one frame's 2D landmarks, by a small learned network (see
 * tests/tools/train-rotation.ts: trained on MediaPipe's landmarks of the
 * rendered figure in random seated twists from random cameras, validated on
 * the recorded twist clips, which it never sees in training).
 * Pure: a forward pass over the weights in torso-rotation-model.ts.
 * The app runs torso-rotation-window.ts, whose inputs start with these 2D
 * inputs; this per-frame network stays as the baseline it is scored against.
 */
import { LANDMARK_NAMES, type LandmarkName } from './landmarks.ts';
import { getLandmark, type PoseFrame } from './pose-frame.ts';
import { SEEN_VISIBILITY } from './usable-pose.ts';

/** Inputs, in order: the nose, then shoulders, elbows, wrists, hips, knees and ankles (left, right). */
export const ROTATION_INPUT_POINTS: readonly LandmarkName[] = [
  'nose',
  ...LANDMARK_NAMES.filter((n) => /_(shoulder|elbow|wrist|hip|knee|ankle)$/.test(n)),
];

const TRUNK = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'];

/**
 * The network's input from points in pixels (undefined = not seen): each
 * point relative to the mid-hip in torso lengths, and a seen flag. Undefined
 * when a trunk point is missing.
 */
export function rotationInputs(
  points: ReadonlyArray<{ x: number; y: number } | undefined>,
): number[] | undefined {
  const at = (name: string) => points[ROTATION_INPUT_POINTS.indexOf(name as LandmarkName)];
  const [ls, rs, lh, rh] = TRUNK.map(at);
  if (!ls || !rs || !lh || !rh) return undefined;
  const hx = (lh.x + rh.x) / 2;
  const hy = (lh.y + rh.y) / 2;
  const torso = Math.hypot((ls.x + rs.x) / 2 - hx, (ls.y + rs.y) / 2 - hy);
  if (!(torso > 0)) return undefined;
  return points.flatMap((p) => (p ? [(p.x - hx) / torso, (p.y - hy) / torso, 1] : [0, 0, 0]));
}

export function pointsOf(frame: PoseFrame): ({ x: number; y: number } | undefined)[] {
  return ROTATION_INPUT_POINTS.map((n) => {
    const p = getLandmark(frame, n);
    if (!p || !(p.visibility >= SEEN_VISIBILITY)) return undefined;
    return { x: p.x * frame.imageWidth, y: p.y * frame.imageHeight };
  });
}

export interface DenseLayer {
  /** Row-major, inputs × outputs. */
  weights: number[];
  bias: number[];
}

export interface RotationModel {
  layers: DenseLayer[];
}

/** ReLU between layers; the last layer gives (cos, sin) of the rotation. */
export function forward(model: RotationModel, input: number[]): number[] {
  let x = input;
  model.layers.forEach((layer, li) => {
    const n = layer.bias.length;
    const out = layer.bias.slice();
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      for (let j = 0; j < n; j++) out[j]! += xi * layer.weights[i * n + j]!;
    }
    x = li < model.layers.length - 1 ? out.map((v) => Math.max(0, v)) : out;
  });
  return x;
}

/** Rotation in degrees (positive: chest turned to the person's left), or undefined when the trunk is not seen. */
export function estimateTorsoRotation(model: RotationModel, frame: PoseFrame): number | undefined {
  const input = rotationInputs(pointsOf(frame));
  if (!input) return undefined;
  const [c, s] = forward(model, input) as [number, number];
  return (Math.atan2(s, c) * 180) / Math.PI;
}
