/** The three stretches Spinewise coaches. */
export const EXERCISE_IDS = ['foam-roller', 'seated-twist', 'childs-pose'] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];
