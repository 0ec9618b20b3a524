/**
 * Named poses for the scripted clips: mannequin-js joint angles, applied in
 * the order written after the figure's default posture (POSING.md rule 2).
 * The three `*-verified` poses are POSING.md's measured ones; the others are
 * authored here from them and checked by eye on rendered frames.
 */
export type Posture = Record<string, number>;

const TWIST_RIGHT: Posture = {
  bend: -3.3,
  'l_leg.raise': 85.8,
  'r_leg.turn': -41.1,
  'r_leg.raise': 141.1,
  'r_knee.bend': 100.1,
  'r_ankle.bend': -65.5,
  'r_ankle.tilt': 12.3,
  'torso.turn': -40,
  'l_arm.turn': -16.8,
  'l_arm.straddle': 3.7,
  'l_arm.raise': 28.6,
  'l_elbow.bend': 105.9,
  'r_arm.straddle': 2,
  'r_arm.raise': -2.3,
  'r_elbow.bend': 0,
  'r_wrist.turn': -8.8,
  'r_wrist.bend': -95.2,
  'r_wrist.tilt': -17.2,
};

const ROLLER: Posture = {
  bend: -86.7,
  'torso.bend': 19.8,
  'head.nod': 10,
  'l_leg.straddle': 3,
  'l_leg.raise': 39.6,
  'l_knee.bend': 90,
  'l_ankle.bend': -36.6,
  'r_leg.straddle': 3,
  'r_leg.raise': 39.6,
  'r_knee.bend': 90,
  'r_ankle.bend': -36.6,
  'l_arm.turn': 15.2,
  'l_arm.straddle': 34.4,
  'l_arm.raise': 118.7,
  'l_elbow.bend': 137.8,
  'r_arm.turn': 15.2,
  'r_arm.straddle': 34.4,
  'r_arm.raise': 118.7,
  'r_elbow.bend': 137.8,
};

const CHILD: Posture = {
  bend: 66.6,
  'torso.bend': 42.1,
  'head.nod': 21.6,
  'l_leg.straddle': 8,
  'l_leg.raise': 127.3,
  'l_knee.bend': 150.7,
  'l_ankle.bend': -60.5,
  'r_leg.straddle': 8,
  'r_leg.raise': 127.3,
  'r_knee.bend': 150.7,
  'r_ankle.bend': -60.5,
  'l_arm.turn': 67.6,
  'l_arm.straddle': 9.5,
  'l_arm.raise': 146.4,
  'l_elbow.bend': 129,
  'l_wrist.bend': -62.9,
  'l_wrist.turn': -6,
  'l_wrist.tilt': 67,
  'r_arm.turn': 67.6,
  'r_arm.straddle': 9.5,
  'r_arm.raise': 146.4,
  'r_elbow.bend': 129,
  'r_wrist.bend': -62.9,
  'r_wrist.turn': -6,
  'r_wrist.tilt': -67,
};

export const POSES: Record<string, Posture> = {
  'twist-right-verified': TWIST_RIGHT,
  /** Legs already placed for a right twist, sitting square, hands resting by the hips. */
  'twist-right-square': {
    ...TWIST_RIGHT,
    'torso.turn': 0,
    'l_arm.turn': 0,
    'l_arm.straddle': 8,
    'l_arm.raise': -2,
    'l_elbow.bend': 10,
    'r_arm.straddle': 8,
    'r_wrist.bend': -80,
    'r_wrist.tilt': 0,
  },
  'roller-verified': ROLLER,
  /** Same, arms resting on the floor beside the body instead of holding the head. */
  'roller-arms-down': {
    ...ROLLER,
    'l_arm.turn': 0,
    'l_arm.straddle': 25,
    'l_arm.raise': -5,
    'l_elbow.bend': 10,
    'r_arm.turn': 0,
    'r_arm.straddle': 25,
    'r_arm.raise': -5,
    'r_elbow.bend': 10,
  },
  /** Arms folded across the chest, each hand near the other shoulder (the variant in EXERCISES.md). */
  'roller-arms-crossed': {
    ...ROLLER,
    'l_arm.turn': 0,
    'l_arm.straddle': -45,
    'l_arm.raise': 40,
    'l_elbow.bend': 140,
    'r_arm.turn': 0,
    'r_arm.straddle': -45,
    'r_arm.raise': 45,
    'r_elbow.bend': 140,
  },
  'child-verified': CHILD,
  /** Child's pose legs and trunk, arms stretched forward along the floor (on the way in). */
  'child-arms-forward': {
    ...CHILD,
    'l_arm.turn': 0,
    'l_arm.straddle': 10,
    'l_arm.raise': 165,
    'l_elbow.bend': 10,
    'l_wrist.bend': 0,
    'l_wrist.turn': 0,
    'l_wrist.tilt': 0,
    'r_arm.turn': 0,
    'r_arm.straddle': 10,
    'r_arm.raise': 165,
    'r_elbow.bend': 10,
    'r_wrist.bend': 0,
    'r_wrist.turn': 0,
    'r_wrist.tilt': 0,
  },
  /** Arms placed as in child's pose, but the hips stay high over the knees (fault: hips not back). */
  'child-hips-high': {
    ...CHILD,
    bend: 78,
    'torso.bend': 25,
    'l_leg.raise': 100,
    'l_knee.bend': 105,
    'l_ankle.bend': -50,
    'r_leg.raise': 100,
    'r_knee.bend': 105,
    'r_ankle.bend': -50,
  },
  /** Child's pose with the hands apart and the elbows wide (fault: palms apart). */
  'child-palms-apart': {
    ...CHILD,
    'l_arm.turn': 20,
    'l_arm.straddle': 45,
    'l_elbow.bend': 70,
    'l_wrist.tilt': 0,
    'r_arm.turn': 20,
    'r_arm.straddle': 45,
    'r_elbow.bend': 70,
    'r_wrist.tilt': 0,
  },
  /** Hands and knees: trunk level, thighs and arms vertical. */
  'all-fours': {
    bend: 88,
    'head.nod': -10,
    'l_leg.straddle': 6,
    'l_leg.raise': 90,
    'l_knee.bend': 90,
    'l_ankle.bend': -50,
    'r_leg.straddle': 6,
    'r_leg.raise': 90,
    'r_knee.bend': 90,
    'r_ankle.bend': -50,
    'l_arm.straddle': 8,
    'l_arm.raise': 90,
    'l_elbow.bend': 5,
    'l_wrist.bend': -80,
    'r_arm.straddle': 8,
    'r_arm.raise': 90,
    'r_elbow.bend': 5,
    'r_wrist.bend': -80,
  },
};

/**
 * Poses for the negative clips (issue 14): things people do in front of the
 * camera that are none of the three stretches. Authored from the directions
 * table in POSING.md and checked by eye on rendered frames.
 */
const SIT_LONG: Posture = {
  bend: -4,
  'l_leg.raise': 88,
  'r_leg.raise': 88,
  'l_arm.straddle': 14,
  'l_arm.raise': -12,
  'r_arm.straddle': 14,
  'r_arm.raise': -12,
};

const LIE_BACK: Posture = {
  bend: -90,
  'l_arm.straddle': 12,
  'r_arm.straddle': 12,
};

export const NEGATIVE_POSES: Record<string, Posture> = {
  /** The figure's rest posture: standing, arms by the sides. */
  stand: {},
  /** Two steps of a walk, left leg forward then right leg forward, arms swinging against the legs. */
  'walk-left-forward': {
    'l_leg.raise': 22,
    'r_leg.raise': -14,
    'r_knee.bend': 25,
    'l_arm.raise': -22,
    'r_arm.raise': 18,
  },
  'walk-right-forward': {
    'r_leg.raise': 22,
    'l_leg.raise': -14,
    'l_knee.bend': 25,
    'r_arm.raise': -22,
    'l_arm.raise': 18,
  },
  /** Sitting upright on the floor, legs straight ahead, hands on the floor by the hips. */
  'sit-upright': SIT_LONG,
  /** Seated forward fold: legs straight, trunk folded over them, hands toward the feet. */
  'seated-fold': {
    ...SIT_LONG,
    bend: 45,
    'torso.bend': 30,
    'head.nod': 15,
    'l_leg.raise': 135,
    'r_leg.raise': 135,
    'l_arm.raise': 60,
    'r_arm.raise': 60,
  },
  /** Standing forward fold: legs vertical, trunk hanging below the hips, arms hanging. */
  'standing-fold': {
    bend: 110,
    'torso.bend': 15,
    'l_leg.raise': 110,
    'r_leg.raise': 110,
    'l_arm.raise': 100,
    'r_arm.raise': 100,
  },
  /** Lying flat on the back, legs straight, arms by the sides. */
  'lying-flat': LIE_BACK,
  /**
   * Lying on the back, knees bent up and swayed to the figure's right, arms
   * out wide, head turned away (a lying twist as far as the mannequin's
   * legs allow: the knees do not drop to the floor).
   */
  'lying-twist': {
    ...LIE_BACK,
    'l_leg.straddle': -30,
    'l_leg.raise': 80,
    'l_knee.bend': 95,
    'r_leg.straddle': 30,
    'r_leg.raise': 80,
    'r_knee.bend': 95,
    'l_arm.straddle': 80,
    'r_arm.straddle': 80,
    'head.turn': 30,
  },
};

for (const [name, posture] of Object.entries(NEGATIVE_POSES)) POSES[name] = posture;

export const POSE_NAMES: ReadonlySet<string> = new Set(Object.keys(POSES));

/** Keys whose sign flips in a left–right mirror (the figure's own frame; POSING.md rule 3). */
const SIGN_FLIPS = /^(tilt|torso\.turn|torso\.tilt|head\.turn|head\.tilt|[lr]_wrist\.tilt)$/;

/**
 * The same pose with left and right exchanged: `l_` and `r_` keys swap, and
 * rotations about the body's long axis or sideways change sign. The figure's
 * heading `turn` (default -90 = facing +z) mirrors about that default.
 */
export function mirrorPosture(posture: Posture): Posture {
  const out: Posture = {};
  for (const [key, value] of Object.entries(posture)) {
    const swapped = key.replace(/^([lr])_/, (_, s: string) => (s === 'l' ? 'r_' : 'l_'));
    if (key === 'turn') out[swapped] = -180 - value;
    else out[swapped] = SIGN_FLIPS.test(swapped) ? -value : value;
  }
  return out;
}
