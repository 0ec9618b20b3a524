/**
 * Hand-built feature frames for checker tests: nothing known unless given,
 * except the body's placement, which is derived from the given measures as
 * computeFeatures derives it (unless given too).
 */
import { bodyOrientation } from '../../src/core/body-orientation.ts';
import { type Features, nothingSeen } from '../../src/core/features.ts';

export function featuresOf(known: Partial<Features>): Features {
  const orientation = 'orientation' in known ? known.orientation : bodyOrientation(known);
  const out: Features = { ...nothingSeen(0), usable: true, ...known };
  if (orientation) out.orientation = orientation;
  else delete out.orientation;
  return out;
}
