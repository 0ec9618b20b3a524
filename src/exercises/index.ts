/** The checker for each exercise. */
import type { Checker } from './checker.ts';
import { childsPoseChecker } from './childs-pose/checker.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { foamRollerChecker } from './foam-roller/checker.ts';
import { seatedTwistChecker } from './seated-twist/checker.ts';

export const CHECKERS: Record<ExerciseId, Checker<unknown>> = {
  'childs-pose': childsPoseChecker as Checker<unknown>,
  'foam-roller': foamRollerChecker as Checker<unknown>,
  'seated-twist': seatedTwistChecker as Checker<unknown>,
};
