/** The checker for each exercise, each behind the entry grace (entry-grace.ts). */
import type { Checker } from './checker.ts';
import { childsPoseChecker } from './childs-pose/checker.ts';
import { ENTRY_GRACE, withEntryGrace } from './entry-grace.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { foamRollerChecker } from './foam-roller/checker.ts';
import { seatedTwistChecker } from './seated-twist/checker.ts';

// Body-relative lengths settle under 0.15 a second, angles under 10°/s, the 3D wrist gap 0.05 m/s.
const LENGTH = 0.15;
const ANGLE = 10;

export const CHECKERS: Record<ExerciseId, Checker<unknown>> = {
  'childs-pose': withEntryGrace(childsPoseChecker, ENTRY_GRACE, [
    { code: 'hips-back', measure: (f) => f.hipsToHeelsThighs, steadyPerS: LENGTH },
    { code: 'palms-together', measure: (f) => f.wristGapWorldM, steadyPerS: 0.05 },
  ]) as Checker<unknown>,
  'foam-roller': withEntryGrace(foamRollerChecker, ENTRY_GRACE, [
    // Never released by settling: lying back with the arms still down reads as settled hands before
    // they rise (dev, 294 clips: 16 / 26 "support your neck" in the truth's setup, 1.6–2.7 s in;
    // corrections right/all 98/158 → 98/143 MediaPipe, 99/175 → 99/151 tfjs, faults caught unchanged).
    { code: 'support-neck', measure: (f) => f.wristToHeadTorso, steadyPerS: 0 },
    { code: 'keep-hips-low', measure: (f) => f.hipHeightThighs, steadyPerS: LENGTH },
    { code: 'stay-upper-back', measure: (f) => f.shoulderToAnkleTorso, steadyPerS: LENGTH },
  ]) as Checker<unknown>,
  'seated-twist': withEntryGrace(seatedTwistChecker, ENTRY_GRACE, [
    { code: 'twist-toward-knee', measure: (f) => f.torsoRotationDeg, steadyPerS: ANGLE },
    { code: 'sit-tall', measure: (f) => f.trunkLeanWorldDeg ?? f.trunkLeanDeg, steadyPerS: ANGLE },
  ]) as Checker<unknown>,
};
