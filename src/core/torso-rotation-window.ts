/**
 * Torso rotation from a short window of frames (issue 14): a small network
 * (the forward pass of torso-rotation.ts) over the current frame's points
 * and their mean over the last `windowMs`, both the 2D image points and the
 * models' 3D world points. Trained on the dev set's twists and upright
 * negatives (tests/tools/train-rotation-window.ts); the test set is never
 * trained on. The window steadies a single frame's jitter without the lag
 * of smoothing the estimate itself.
 * Lifetime: one stream, like the landmark smoother it follows.
 */
import { getWorldLandmark, type PoseFrame } from './pose-frame.ts';
import {
  forward,
  pointsOf,
  ROTATION_INPUT_POINTS,
  type RotationModel,
  rotationInputs,
} from './torso-rotation.ts';

export interface WindowRotationModel extends RotationModel {
  /** The span of recent frames whose mean is the second half of the input, ms. */
  windowMs: number;
}

const at = (name: string) => ROTATION_INPUT_POINTS.indexOf(name as never);
const TRUNK = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'].map(at);

/**
 * One frame's inputs: the 2D inputs of torso-rotation.ts, then each point's
 * world position relative to the world mid-hip in world torso lengths (zeros
 * where unseen or without world points), then 1 when world points are there.
 * Undefined when a trunk point is not seen.
 */
export function frameRotationInputs(frame: PoseFrame): number[] | undefined {
  const seen = pointsOf(frame);
  const image = rotationInputs(seen);
  if (!image) return undefined;
  const world = ROTATION_INPUT_POINTS.map((name, i) => {
    const w = seen[i] ? getWorldLandmark(frame, name) : null;
    return w && Number.isFinite(w.x) && Number.isFinite(w.y) && Number.isFinite(w.z)
      ? w
      : undefined;
  });
  const [ls, rs, lh, rh] = TRUNK.map((i) => world[i]);
  if (!ls || !rs || !lh || !rh) return [...image, ...world.flatMap(() => [0, 0, 0]), 0];
  const hip = { x: (lh.x + rh.x) / 2, y: (lh.y + rh.y) / 2, z: (lh.z + rh.z) / 2 };
  const torso = Math.hypot(
    (ls.x + rs.x) / 2 - hip.x,
    (ls.y + rs.y) / 2 - hip.y,
    (ls.z + rs.z) / 2 - hip.z,
  );
  if (!(torso > 0)) return [...image, ...world.flatMap(() => [0, 0, 0]), 0];
  const rel = world.flatMap((w) =>
    w ? [(w.x - hip.x) / torso, (w.y - hip.y) / torso, (w.z - hip.z) / torso] : [0, 0, 0],
  );
  return [...image, ...rel, 1];
}

/** The network's input: the frame's inputs, then their mean over the window (the frame included). */
export function windowInputs(current: number[], window: readonly number[][]): number[] {
  const mean = current.map((_, k) => window.reduce((s, v) => s + v[k]!, 0) / window.length);
  return [...current, ...mean];
}

export function rotationFromOutput(output: readonly number[]): number {
  return (Math.atan2(output[1]!, output[0]!) * 180) / Math.PI;
}

export class TorsoRotationWindow {
  private recent: { tMs: number; inputs: number[] }[] = [];

  constructor(private readonly model: WindowRotationModel) {}

  /** Rotation in degrees (positive: chest turned to the person's left); undefined when the trunk is not seen. */
  next(frame: PoseFrame | null, tMs: number): number | undefined {
    const inputs = frame ? frameRotationInputs(frame) : undefined;
    this.recent = this.recent.filter((r) => r.tMs > tMs - this.model.windowMs && r.tMs <= tMs);
    if (!inputs) return undefined;
    this.recent.push({ tMs, inputs });
    const x = windowInputs(
      inputs,
      this.recent.map((r) => r.inputs),
    );
    const rotation = rotationFromOutput(forward(this.model, x));
    return Number.isFinite(rotation) ? rotation : undefined;
  }
}
