/**
 * The measured error of each recorded engine on the corpus's test set
 * (issue 14, item 4: the live view's "±" should be the running engine's).
 * Data only, from `npm run eval -- --set test` at 03:36 UTC on 2 Dec 2026:
 * 2 twist clips and 2 roller clips per engine (README, "Accuracy on clips
 * it was never tuned on"), so wide intervals. Not yet read by the live
 * panel (it still shows TORSO_ROTATION_UNCERTAINTY_DEG for every engine).
 */
export interface MeasuredError {
  /** Torso rotation MAE and p95, degrees, with the MAE's bootstrap 95 % interval. */
  rotationMaeDeg: number;
  rotationMaeCiDeg: readonly [number, number];
  rotationP95Deg: number;
  /** Roller hip height error, mean, thigh lengths. */
  hipHeightErrorThighs: number;
  /** Test clips behind the figures: twist, roller. */
  clips: { twist: number; roller: number };
}

export const MEASURED_ERROR: Readonly<Record<string, MeasuredError>> = {
  'mediapipe/lite': {
    rotationMaeDeg: 10.0,
    rotationMaeCiDeg: [4.6, 19.2],
    rotationP95Deg: 27.2,
    hipHeightErrorThighs: 0.73,
    clips: { twist: 2, roller: 2 },
  },
  'tfjs/blazepose-lite': {
    rotationMaeDeg: 10.7,
    rotationMaeCiDeg: [4.9, 20.6],
    rotationP95Deg: 29.8,
    hipHeightErrorThighs: 1.22,
    clips: { twist: 2, roller: 2 },
  },
};
