/**
 * The roller's hip height, thigh lengths over the floor line, only where the
 * image can tell it: seen side-on. At an angle the lowest foot point lies
 * nearer or farther from the camera than the hips, so the floor line under
 * the feet is not the floor under the hips and the image offset mixes depth
 * into height (see `hipHeightSideOnMaxShoulderWidthTorso` in config.ts).
 */
import type { Features } from '../../core/features.ts';
import { FOAM_ROLLER_CONFIG as C } from './config.ts';

export function rollerHipHeightThighs(
  f: Pick<Features, 'hipHeightThighs' | 'shoulderWidthTorso'>,
): number | undefined {
  const hip = f.hipHeightThighs;
  if (
    hip === undefined ||
    hip < C.hipHeightPlausibleMinThighs ||
    hip > C.hipHeightPlausibleMaxThighs
  )
    return undefined;
  const width = f.shoulderWidthTorso;
  if (width === undefined || width >= C.hipHeightSideOnMaxShoulderWidthTorso) return undefined;
  return hip;
}
