/**
 * Thresholds of the child's-pose checker, each with its unit and why.
 * Tuned on the ground-truth clips (`npm run eval`); side and 45° views.
 */
export const CHILDS_POSE_CONFIG = {
  /**
   * Trunk past horizontal (head lower than the hips), degrees from vertical.
   * Measured: 96–110 in the pose, 82–89 on all fours.
   */
  inPoseMinLeanDeg: 92,
  /** Knees folded (the sharper knee), degrees; measured 24–47 in the pose, 66–82 with the hips high. */
  inPoseMaxKneeDeg: 100,
  /**
   * Hips over the heels: mid-hip to mid-heel, thigh lengths. Measured 0.33–0.72
   * with the hips back, 0.96–1.18 with them high over the knees.
   */
  hipsBackMaxThighs: 0.8,
  /**
   * Palms together: wrist gap, torso lengths. Needs both wrists seen; in the
   * side and 45° views the far wrist is hidden behind the head, so this is
   * usually unknown and then neither cued nor required.
   */
  palmsTogetherMaxGapTorso: 0.3,
} as const;
