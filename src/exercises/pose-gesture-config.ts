/**
 * Thresholds of the hands-free controls (pose-gestures.ts), each with its
 * unit and why. Lengths are in torso lengths (mid-shoulder to mid-hip in the
 * image), so they hold at any distance from the camera.
 */
export const GESTURE_CONFIG = {
  /**
   * Sitting or kneeling up: trunk lean from vertical at most this, degrees.
   * The seated twist reads 0–25 (sit-tall faults up to ~30); lying over the
   * roller 60–90, child's pose 90–110, all fours 80–90.
   */
  uprightMaxLeanDeg: 35,
  /**
   * Stop gesture, the arm the model sees best: wrist at least this far above
   * the head (nose and ears), torso lengths. Straight up it reads 0.5–0.95
   * on the rendered gesture clips; hands laced behind the head stay at or
   * below head height (about 0).
   */
  raisedWristAboveHeadTorso: 0.25,
  /** …and its elbow above its shoulder, torso lengths (0.13–0.55 with the arm up). */
  raisedElbowAboveShoulderTorso: 0.1,
  /**
   * The other arm must be up as well: its wrist above its own shoulder and
   * above its own elbow (forearm pointing up), torso lengths. At 45° the
   * model often places the far raised arm low, near the head (0.07–0.4 over
   * the shoulder), so this arm is held to less; a hand on the knee or the
   * floor reads far below 0.
   */
  otherWristAboveShoulderTorso: 0.05,
  otherWristAboveElbowTorso: 0.1,
  /** Both arms must stay up this long to stop, ms: long enough to be deliberate. */
  stopHoldMs: 2000,
  /**
   * Frames further apart than this break a hold in progress, ms: one
   * analysed frame a second still counts. On a slower device the limit
   * grows to 2.5 typical frame intervals (at most `maxGapCapMs`), so a
   * gesture can still be made; a frame without the pose always breaks it.
   */
  maxGapMs: 1500,
  maxGapCapMs: 5000,
  /**
   * Roller and child's pose: in position means the trunk leans at least
   * this far from vertical, degrees (both read 60 or more there).
   */
  inPositionMinLeanDeg: 55,
  /** In position this long before sitting up can pause, ms: the setup (sitting, kneeling) never does. */
  armAfterMs: 3000,
  /** Sitting up this long pauses, and being back in position this long resumes, ms. */
  changeHoldMs: 1500,
} as const;

export type GestureConfig = { readonly [K in keyof typeof GESTURE_CONFIG]: number };
