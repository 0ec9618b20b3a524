/**
 * Which body part each cue is about: what the skeleton draws orange while
 * the cue's condition is raised. Cues about nothing drawn (praise, "move
 * back into view") have none.
 */
import type { CueCode } from './cue-vocabulary.ts';

export const BODY_PARTS = ['head', 'arms', 'trunk', 'hips', 'legs'] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

export const CUE_PARTS: Partial<Record<CueCode, readonly BodyPart[]>> = {
  'support-neck': ['arms'],
  'palms-together': ['arms'],
  'bend-elbows': ['arms'],
  'elbow-outside-knee': ['arms'],
  'hand-behind': ['arms'],
  'keep-hips-low': ['hips'],
  'lift-hips': ['hips'],
  'hips-back': ['hips'],
  'stay-upper-back': ['trunk'],
  'roll-slower': ['trunk'],
  'sit-tall': ['trunk'],
  'twist-toward-knee': ['trunk'],
  'turn-further': ['trunk'],
  'ease-off': ['trunk'],
  'relax-neck': ['head'],
  'set-legs': ['legs'],
};
