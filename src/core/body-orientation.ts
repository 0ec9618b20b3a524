/**
 * How the body is placed, from a frame's features: standing upright,
 * seated, lying back, on all fours, or folded forward with the head below
 * the hips; and which of its sides faces the camera. Pure; undefined when
 * the landmarks cannot tell.
 */
import type { Side } from './body-points.ts';

export const BODY_ORIENTATIONS = ['upright', 'seated', 'lying', 'all-fours', 'folded'] as const;
export type BodyOrientation = (typeof BODY_ORIENTATIONS)[number];

/** Which side of the body faces the camera. */
export type Facing = 'front' | 'back' | Side;

/** The rules, body-relative so they hold at any distance; each with why. */
export const ORIENTATION_RULES = {
  /** Trunk within this of vertical: sitting or standing up, degrees. */
  uprightMaxLeanDeg: 40,
  /** Seated: hips within this many thigh lengths of the floor line (standing is ~2)… */
  seatedMaxHipThighs: 1.1,
  /** …or knees at most this far below the hips, torso lengths (standing is ~0.8). */
  seatedMaxKneeDropTorso: 0.45,
  /**
   * Standing: hips at least this high, thigh lengths, with the knees (where
   * seen) well below them: in front views of a seated person the feet drift
   * and a slump read 1.8–2.4…
   */
  standingMinHipThighs: 1.6,
  /**
   * …knees at least this far below the hips, torso lengths (standing
   * ~0.65–0.85 by build; a seated slump with misread feet read 0.3)…
   */
  standingMinKneeDropTorso: 0.55,
  /** …or, with the feet unseen, knees this far below (front views of a seated person read up to 0.8). */
  standingNoFeetMinKneeDropTorso: 0.9,
  /** Trunk at least this far from vertical: lying back or on all fours, degrees. */
  lowMinLeanDeg: 50,
  /** Past horizontal, head below the hips: folded forward (child's pose), degrees. */
  foldedMinLeanDeg: 92,
  /** On hands and knees the hips stand this high over the floor line, thigh lengths (lying: ~0–0.6). */
  allFoursMinHipThighs: 0.75,
  /**
   * Facing: the shoulder line turned within this of square to the camera
   * reads as front or back; beyond it, the nearer side faces the camera, degrees.
   */
  squareMaxYawDeg: 45,
} as const;

export interface OrientationInputs {
  trunkLeanDeg?: number;
  hipHeightThighs?: number;
  kneeDropTorso?: number;
}

export function bodyOrientation(f: OrientationInputs): BodyOrientation | undefined {
  const r = ORIENTATION_RULES;
  const lean = f.trunkLeanDeg;
  if (lean === undefined) return undefined;
  const hip = f.hipHeightThighs;
  const drop = f.kneeDropTorso;
  if (lean <= r.uprightMaxLeanDeg) {
    if (
      (hip !== undefined && hip <= r.seatedMaxHipThighs) ||
      (drop !== undefined && drop <= r.seatedMaxKneeDropTorso)
    )
      return 'seated';
    const standing =
      hip !== undefined
        ? hip >= r.standingMinHipThighs &&
          (drop === undefined || drop >= r.standingMinKneeDropTorso)
        : drop !== undefined && drop >= r.standingNoFeetMinKneeDropTorso;
    if (standing) return 'upright';
    return undefined;
  }
  if (lean >= r.foldedMinLeanDeg) return 'folded';
  if (lean < r.lowMinLeanDeg) return undefined;
  if (hip === undefined) return undefined;
  return hip >= r.allFoursMinHipThighs ? 'all-fours' : 'lying';
}

/**
 * Which side faces the camera from the shoulder line's yaw about the
 * camera's vertical, degrees: 0 when the chest faces the camera (the
 * person's left shoulder on the image's right), ±180 facing away, +90 with
 * the left side nearer the camera.
 */
export function facingFromYaw(yawDeg: number | undefined): Facing | undefined {
  if (yawDeg === undefined || !Number.isFinite(yawDeg)) return undefined;
  const a = Math.abs(yawDeg);
  if (a <= ORIENTATION_RULES.squareMaxYawDeg) return 'front';
  if (a >= 180 - ORIENTATION_RULES.squareMaxYawDeg) return 'back';
  return yawDeg > 0 ? 'left' : 'right';
}
