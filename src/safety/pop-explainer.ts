/**
 * Plain-language notes about the "pop", shown wherever the app talks about
 * forcing or doing too much. Our own words (never the source article's).
 */

/** What the sound is, and why it is not the goal. */
export const POP_EXPLAINER =
  'The click or pop you may hear is gas coming out of the fluid that bathes the joint. ' +
  'It is a side effect of movement, not a sign that the stretch worked. The aim is easier ' +
  'movement and less tension, with or without a sound.';

/** Why chasing the pop is a bad idea. */
export const OVERSTRETCH_NOTE =
  'Pushing a joint until it clicks, again and again, can slowly overstretch the ligaments ' +
  'that hold it steady and leave it looser than it should be.';
