/**
 * The committed still: `fixtures/images/standing-arm-up.png`, rendered by
 * `npm run fixtures:image`, with the projected truth of the figure's joints
 * (checked by eye against the picture: the raised left arm is on the
 * image's right, since the figure faces the camera).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LandmarkName } from '../../src/core/landmarks.ts';
import { getLandmark, type PoseFrame } from '../../src/core/pose-frame.ts';
import { TRUTH_JOINTS } from '../tools/scenes/truth-format.ts';
import { PROJECT_ROOT } from './vite-server.ts';

export const STILL_NAME = 'standing-arm-up';
export const STILL_PNG = join(PROJECT_ROOT, `fixtures/images/${STILL_NAME}.png`);
/** Same image as served to the browser by the dev server. */
export const STILL_URL = `/fixtures/images/${STILL_NAME}.png`;

type Point = { x: number; y: number };
export const STILL_TRUTH = (
  JSON.parse(
    readFileSync(join(PROJECT_ROOT, `fixtures/images/${STILL_NAME}.truth.json`), 'utf8'),
  ) as {
    joints: Record<string, Point>;
  }
).joints;

/** Joints every engine (MoveNet included) reports, with the tolerance we hold them to. */
export const MAIN_JOINTS: LandmarkName[] = TRUTH_JOINTS;

/**
 * Distance from truth allowed, as a fraction of the image height (480 px).
 * The truth is the figure's joint pivot; the models put hips a little inside
 * it and wrists toward the hand (the mannequin's hands are thin and pale, and
 * the raised one is foreshortened), hence more slack for wrists.
 */
export function jointTolerance(name: LandmarkName): number {
  return name.endsWith('wrist') ? 0.1 : 0.06;
}

export function jointErrors(frame: PoseFrame): Record<string, number> {
  const aspect = frame.imageWidth / frame.imageHeight;
  const out: Record<string, number> = {};
  for (const name of MAIN_JOINTS) {
    const p = getLandmark(frame, name);
    const t = STILL_TRUTH[name]!;
    out[name] = p ? Math.hypot((p.x - t.x) * aspect, p.y - t.y) : Number.POSITIVE_INFINITY;
  }
  return out;
}

/** Left is the person's left: with the figure facing the camera it lies right of its right side in the image. */
export function leftRightOrder(frame: PoseFrame): boolean {
  const pairs: [LandmarkName, LandmarkName][] = [
    ['left_shoulder', 'right_shoulder'],
    ['left_hip', 'right_hip'],
    ['left_wrist', 'right_wrist'],
  ];
  return pairs.every(([l, r]) => (getLandmark(frame, l)?.x ?? 0) > (getLandmark(frame, r)?.x ?? 1));
}
