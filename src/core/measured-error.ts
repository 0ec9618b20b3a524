/**
 * The measured error of each recorded engine on the corpus's test set
 * (issue 14, item 4: the live view's "±" is the running engine's). Data
 * only, from `npm run eval -- --set test` at 10:40 UTC on 3 Dec 2026: 26
 * twist clips and 26 roller clips per engine (README, "Accuracy on clips
 * it was never tuned on"); the hip error is over the frames where it is
 * read (side-on only). The live panel shows the rotation MAE as the "±";
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
  'mediapipe/lite': testSetRow(12.9, [9.9, 15.5], 31.0, 0.19, { twist: 26, roller: 26 }),
  'tfjs/blazepose-lite': testSetRow(12.1, [9.3, 14.9], 30.6, 0.19, { twist: 26, roller: 26 }),
};

/** The measured error of an engine (`mediapipe/lite`…), if it was measured. */
export function measuredErrorOf(engine: string | undefined): MeasuredError | undefined {
  return engine === undefined ? undefined : MEASURED_ERROR[engine];
}
