/** Hand-built feature frames for checker tests: nothing known unless given. */
import { type Features, nothingSeen } from '../../src/core/features.ts';

export function featuresOf(known: Partial<Features>): Features {
  return { ...nothingSeen(0), usable: true, ...known };
}
