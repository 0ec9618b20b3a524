/**
 * When a frame's pose can carry any measure at all: the trunk must be seen.
 * Also which way the trunk points in the image, for turning frames so a
 * lying body looks upright to the detector.
 */
import { imageDirection, sub2 } from './geometry.ts';
import type { LandmarkName } from './landmarks.ts';
import { getLandmark, type PoseFrame } from './pose-frame.ts';

/** Visibility at or above which a landmark counts as seen (the models' own 0.5 convention). */
export const SEEN_VISIBILITY = 0.5;

const SHOULDERS: LandmarkName[] = ['left_shoulder', 'right_shoulder'];
const HIPS: LandmarkName[] = ['left_hip', 'right_hip'];

function seen(frame: PoseFrame, name: LandmarkName): boolean {
  return (getLandmark(frame, name)?.visibility ?? 0) >= SEEN_VISIBILITY;
}

/**
 * Usable: at least one shoulder and one hip are seen and the four trunk
 * points are seen on average. Side views hide the far shoulder and hip; the
 * near pair is enough to place the trunk.
 */
export function isUsablePose(frame: PoseFrame | null): boolean {
  if (!frame) return false;
  const trunk = [...SHOULDERS, ...HIPS];
  const mean =
    trunk.reduce((sum, n) => sum + (getLandmark(frame, n)?.visibility ?? 0), 0) / trunk.length;
  return (
    mean >= SEEN_VISIBILITY &&
    SHOULDERS.some((n) => seen(frame, n)) &&
    HIPS.some((n) => seen(frame, n))
  );
}

/**
 * Angle of the hips → shoulders direction in the image, degrees clockwise
 * from straight up (0 upright, 90 head to the right, -90 head to the left,
 * ±180 upside down), in pixels so the image's aspect does not skew it.
 * Undefined without both shoulder and hip midpoints.
 */
export function trunkImageAngle(frame: PoseFrame): number | undefined {
  const mid = (names: LandmarkName[]) => {
    const pts = names.map((n) => getLandmark(frame, n));
    if (pts.some((p) => !p)) return undefined;
    return {
      x: ((pts[0]!.x + pts[1]!.x) / 2) * frame.imageWidth,
      y: ((pts[0]!.y + pts[1]!.y) / 2) * frame.imageHeight,
    };
  };
  const s = mid(SHOULDERS);
  const h = mid(HIPS);
  return s && h ? imageDirection(sub2(s, h)) : undefined;
}
