/**
 * Where each fault's line between good and faulty lies in the corpus truth
 * (issue 14: mild faults near the line, and the truth says where the line
 * is). Scripted lines are applied by the generator when it writes a fault's
 * interval; measured lines are applied to the rendered truth frame by frame,
 * inside the scripted window, so a mild fault is a fault only where the
 * figure really crossed the line.
 */
import type { Fault } from '../scenes/scene-format.ts';
import type { FrameTruth } from '../scenes/truth-format.ts';

export interface ScriptedLine {
  kind: 'scripted';
  /** The line, in `unit`; the fault is present while the scripted size is at or beyond it. */
  line: number;
  unit: string;
  why: string;
}

export interface MeasuredLine {
  kind: 'measured';
  line: number;
  unit: string;
  why: string;
  /** True where the rendered figure is past the line. `side` is the twist's asked side (+1 left, −1 right). */
  past(frame: FrameTruth, side: 1 | -1): boolean;
}

export const FAULT_LINES: Record<Fault, ScriptedLine | MeasuredLine> = {
  'rolling-too-fast': {
    kind: 'scripted',
    line: 0.25,
    unit: 'torso lengths per second of roller travel',
    why: 'EXERCISES.md: a slide faster than ~0.25 torso lengths/s is too fast',
  },
  'hips-too-high': {
    kind: 'scripted',
    line: 8,
    unit: 'degrees of extra backward body tilt (mannequin `bend`) over the verified roller pose',
    why: 'the committed hips-high clip lifts by 13°; 8° lifts the hips visibly off the low band while 4° stays within it',
  },
  forcing: {
    kind: 'scripted',
    line: 60,
    unit: 'degrees per second of torso turn during jerks',
    why: 'EXERCISES.md: rotation speed spikes over ~60°/s while in the twist',
  },
  'lower-back': {
    kind: 'measured',
    line: 0.6,
    unit: 'roller position, torso lengths from the shoulders',
    why: 'EXERCISES.md: the zone ends at ~0.55, past ~0.6 the roller is on the lower back',
    past: (f) => (f.rollerAt ?? 0) > 0.6,
  },
  'hands-off-head': {
    kind: 'measured',
    line: 0.2,
    unit: 'metres from either wrist to the centre of the head (truth handsOnHead)',
    why: 'TRUTH_RULES.handsOnHeadM: both hands within 0.2 m of the head cradle it',
    past: (f) => !f.handsOnHead,
  },
  slouching: {
    kind: 'measured',
    line: 20,
    unit: 'degrees of trunk lean from vertical (truth trunkLeanDeg)',
    why: 'EXERCISES.md: sit tall when the trunk leans more than ~20°',
    past: (f) => f.trunkLeanDeg > 20,
  },
  'twist-away-from-knee': {
    kind: 'measured',
    line: 10,
    unit: 'degrees of torso rotation away from the bent knee (truth rotationDeg)',
    why: 'a turn of 10° the wrong way is past the few degrees a square-sitting person sways',
    past: (f, side) => f.rotationDeg * side < -10,
  },
  'hips-not-back': {
    kind: 'measured',
    line: 0.75,
    unit: 'thigh lengths from mid-hip to mid-ankle (truth hipsBack)',
    why: 'TRUTH_RULES.hipsBackThighs: hips within 0.75 thigh lengths of the heels sit back',
    past: (f) => !f.hipsBack,
  },
  'palms-apart': {
    kind: 'measured',
    line: 0.12,
    unit: 'metres between the wrists (truth palmsTogether)',
    why: 'TRUTH_RULES.palmsTogetherM: wrists within 0.12 m are palms together',
    past: (f) => !f.palmsTogether,
  },
};

/**
 * The faults each rendered frame really shows: a scripted fault stays as the
 * script put it; a measured one is kept only on frames past its line.
 */
export function labelFaults(frames: FrameTruth[], side: 1 | -1): FrameTruth[] {
  return frames.map((f) => ({
    ...f,
    faults: f.faults.filter((name) => {
      const rule = FAULT_LINES[name];
      return rule.kind === 'scripted' || rule.past(f, side);
    }),
  }));
}
