/**
 * The measured error of each recorded engine on the corpus's test set
 * (issue 14, item 4: the live view's "±" is the running engine's). Data
 * only, from `npm run eval -- --set test` at 21:27 UTC on 4 Dec 2026: 40
 * twist clips and 40 roller clips per engine, the windowed rotation (README, "Accuracy on clips
 * it was never tuned on"; the rotation from the twist rows); the hip error
 * is over the frames where it is read. The live panel shows the rotation MAE as the "±";
 * an engine not listed here was never measured.
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

/** One engine's row of the README's test table: rotation MAE [interval] / p95, hip error, clips. */
function testSetRow(
  rotationMaeDeg: number,
  rotationMaeCiDeg: readonly [number, number],
  rotationP95Deg: number,
  hipHeightErrorThighs: number,
  clips: MeasuredError['clips'],
): MeasuredError {
  return { rotationMaeDeg, rotationMaeCiDeg, rotationP95Deg, hipHeightErrorThighs, clips };
}

export const MEASURED_ERROR: Readonly<Record<string, MeasuredError>> = {
  'mediapipe/lite': testSetRow(8.0, [6.3, 9.8], 24.1, 0.15, { twist: 40, roller: 40 }),
  'tfjs/blazepose-lite': testSetRow(8.0, [6.4, 9.8], 24.1, 0.15, { twist: 40, roller: 40 }),
};

/** The measured error of an engine (`mediapipe/lite`…), if it was measured. */
export function measuredErrorOf(engine: string | undefined): MeasuredError | undefined {
  return engine === undefined ? undefined : MEASURED_ERROR[engine];
}
