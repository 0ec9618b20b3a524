/** The checker for each exercise; an exercise without one yet is undefined. */
import type { Checker } from './checker.ts';
import { childsPoseChecker } from './childs-pose/checker.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { foamRollerChecker } from './foam-roller/checker.ts';

export const CHECKERS: Partial<Record<ExerciseId, Checker<unknown>>> = {
  'childs-pose': childsPoseChecker as Checker<unknown>,
  'foam-roller': foamRollerChecker as Checker<unknown>,
};
