/**
 * The form faults the checkers look for (EXERCISES.md), one vocabulary for
 * the checkers, the cues that answer them, and the ground-truth scenes that
 * script them.
 */
export const FORM_FAULTS = [
  // Foam-roller thoracic extension
  'hips-too-high',
  'hands-off-head',
  'lower-back',
  'rolling-too-fast',
  // Seated spinal twist
  'slouching',
  'twist-away-from-knee',
  'forcing',
  // Child's pose, palms together
  'hips-not-back',
  'palms-apart',
] as const;

export type FormFault = (typeof FORM_FAULTS)[number];
