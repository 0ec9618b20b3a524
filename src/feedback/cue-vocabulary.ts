/**
 * Every cue the coach can give: a typed code, its priority class, and the
 * words shown and spoken (our own words, short enough to read at a glance
 * and to say in under three seconds). Safety outranks setup, setup outranks
 * form, and praise comes last. No cue ever asks anyone to push into pain.
 */
import type { FormFault } from '../exercises/form-faults.ts';

export const CUE_PRIORITIES = ['safety', 'setup', 'form', 'praise'] as const;
export type CuePriority = (typeof CUE_PRIORITIES)[number];

export interface CueDefinition {
  priority: CuePriority;
  /** On screen. */
  text: string;
  /** The form fault this cue corrects, if it is a correction. */
  corrects?: FormFault;
}

export const CUES = {
  // Safety
  'ease-off': {
    priority: 'safety',
    text: 'Ease off. This should never hurt.',
    corrects: 'forcing',
  },
  // Setup
  'move-into-view': { priority: 'setup', text: 'Move back into view' },
  'whole-body': { priority: 'setup', text: 'Step back so your whole body shows' },
  'set-legs': { priority: 'setup', text: 'Straighten one leg, cross the other over' },
  'switch-sides': { priority: 'setup', text: 'Now the other side' },
  // Foam roller
  'support-neck': {
    priority: 'form',
    text: 'Cradle your head in your hands',
    corrects: 'hands-off-head',
  },
  'keep-hips-low': { priority: 'form', text: 'Keep your hips low', corrects: 'hips-too-high' },
  'lift-hips': { priority: 'form', text: 'Lift your hips a little' },
  'stay-upper-back': {
    priority: 'form',
    text: 'Stay above your lower back',
    corrects: 'lower-back',
  },
  'roll-slower': { priority: 'form', text: 'Slow down, roll gently', corrects: 'rolling-too-fast' },
  'relax-neck': { priority: 'form', text: 'Let your hands carry your head' },
  // Seated twist
  'twist-toward-knee': {
    priority: 'form',
    text: 'Turn toward your bent knee',
    corrects: 'twist-away-from-knee',
  },
  'sit-tall': { priority: 'form', text: 'Sit tall', corrects: 'slouching' },
  'turn-further': { priority: 'form', text: 'Turn a little further, gently' },
  'elbow-outside-knee': { priority: 'form', text: 'Elbow outside your knee' },
  'hand-behind': { priority: 'form', text: 'Rest your other hand behind you' },
  // Child's pose
  'hips-back': {
    priority: 'form',
    text: 'Sink your hips toward your heels',
    corrects: 'hips-not-back',
  },
  'palms-together': {
    priority: 'form',
    text: 'Bring your palms together',
    corrects: 'palms-apart',
  },
  'bend-elbows': { priority: 'form', text: 'Bend your elbows, hands behind your head' },
  // Praise
  'good-hold': { priority: 'praise', text: 'That’s it. Hold there.' },
  fixed: { priority: 'praise', text: 'Better' },
  'pause-here': { priority: 'praise', text: 'Nice. Pause on that spot.' },
  'breathe-out': { priority: 'praise', text: 'Breathe out and soften' },
} as const satisfies Record<string, CueDefinition>;

export type CueCode = keyof typeof CUES;

export function cueDefinition(code: CueCode): CueDefinition {
  return CUES[code];
}

/** The cue that corrects a fault. */
export function cueFor(fault: FormFault): CueCode {
  const code = (Object.keys(CUES) as CueCode[]).find((c) => cueDefinition(c).corrects === fault);
  if (!code) throw new Error(`No cue corrects "${fault}"`);
  return code;
}
