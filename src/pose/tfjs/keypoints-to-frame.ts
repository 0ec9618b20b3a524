import type { Keypoint, Pose } from '@tensorflow-models/pose-detection';
import { isLandmarkName, LANDMARK, LANDMARK_COUNT } from '../../core/landmarks.ts';
import type { ImageLandmark, PoseFrame, WorldLandmark } from '../../core/pose-frame.ts';

/**
 * Turns a pose-detection result (pixel keypoints named by BlazePose/COCO
 * names) into a PoseFrame. Keypoints are matched by name, so MoveNet's 17
 * land on the same slots as BlazePose's 33 and the rest stay `null`.
 */
export function keypointsToFrame(
  pose: Pose,
  size: { width: number; height: number },
  tMs: number,
  engine: PoseFrame['engine'],
): PoseFrame {
  const landmarks: (ImageLandmark | null)[] = new Array(LANDMARK_COUNT).fill(null);
  for (const kp of pose.keypoints) {
    const i = indexOf(kp);
    if (i === undefined) continue;
    landmarks[i] = {
      x: kp.x / size.width,
      y: kp.y / size.height,
      ...(kp.z !== undefined ? { z: kp.z / size.width } : {}),
      visibility: kp.score ?? 0,
    };
  }
  const frame: PoseFrame = {
    tMs,
    engine,
    imageWidth: size.width,
    imageHeight: size.height,
    landmarks,
  };
  if (pose.keypoints3D?.length) {
    const world: (WorldLandmark | null)[] = new Array(LANDMARK_COUNT).fill(null);
    for (const kp of pose.keypoints3D) {
      const i = indexOf(kp);
      if (i !== undefined) world[i] = { x: kp.x, y: kp.y, z: kp.z ?? 0 };
    }
    frame.world = world;
  }
  return frame;
}

function indexOf(kp: Keypoint): number | undefined {
  return kp.name !== undefined && isLandmarkName(kp.name) ? LANDMARK[kp.name] : undefined;
}
