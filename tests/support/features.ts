/** Hand-built feature frames for checker tests: nothing known unless given. */
import type { Features } from '../../src/core/features.ts';

export function featuresOf(known: Partial<Features>): Features {
  return { tMs: 0, usable: true, kneeAngleDeg: {}, elbowAngleDeg: {}, hipAngleDeg: {}, ...known };
}
