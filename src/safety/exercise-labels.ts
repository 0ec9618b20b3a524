/** Short exercise names for the safety screens ("what is open today"). */
import type { ExerciseId } from '../exercises/exercise-ids.ts';

export const EXERCISE_LABELS: Record<ExerciseId, string> = {
  'foam-roller': 'Foam-roller extension',
  'seated-twist': 'Seated twist',
  'childs-pose': 'Child’s pose, palms together',
};
