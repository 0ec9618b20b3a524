/**
 * Child's pose with palms together: in the pose when the trunk is folded
 * past horizontal on bent knees; good when the hips sit back toward the
 * heels and (where both wrists are seen) the palms are together.
 */
import type { Features } from '../../core/features.ts';
import type { CueCode } from '../../feedback/cue-vocabulary.ts';
import type { Checker, Phase, Verdict } from '../checker.ts';
import { outOfPosition } from '../out-of-position.ts';
import { CHILDS_POSE_CONFIG as C } from './config.ts';

export interface ChildsPoseState {
  phase: Phase;
}

const knownBelow = (v: number | undefined, max: number) => (v === undefined ? undefined : v <= max);

/**
 * From the 3D wrist gap where the model gives world points (true, false, or
 * undefined in between), else the 2D one. "Apart" needs both wrists seen (the
 * 2D gap is known only then): a hidden wrist's 3D point is the model's guess,
 * and MediaPipe full's guess on a side view put good palms 0.3–0.4 m apart.
 * A 2D gap wider than hands apart can be is a wrist found in the wrong place.
 */
function palmsTogetherOf(f: Features): boolean | undefined {
  const gap = f.wristGapWorldM;
  if (gap === undefined) return knownBelow(f.wristGapTorso, C.palmsTogetherMaxGapTorso);
  if (gap <= C.palmsTogetherMaxWorldGapM) return true;
  if (
    gap > C.palmsApartMinWorldGapM &&
    f.wristGapTorso !== undefined &&
    f.wristGapTorso <= C.palmsApartMaxGapTorso
  )
    return false;
  return undefined;
}

/**
 * Hips back (true), high (false), or between the lines and not judged (undefined). A high
 * reading stands only where the hip angles agree: a hip folded tight in the image is the
 * distance misread (from 45° the heels and the foreshortened thigh are found off), and a
 * world hip angle open toward all fours in the pose is the legs misread.
 */
function hipsBackOf(f: Features, sharperHip: number | undefined): boolean | undefined {
  const thighs = f.hipsToHeelsThighs;
  if (thighs === undefined) return undefined;
  if (thighs <= C.hipsBackMaxThighs) return true;
  if (thighs <= C.hipsHighMinThighs) return undefined;
  const hipAgrees =
    (sharperHip === undefined || sharperHip >= C.hipsHighMinHipDeg) &&
    (f.hipAngleWorldDeg === undefined || f.hipAngleWorldDeg < C.hipsHighMaxWorldHipDeg);
  return hipAgrees ? false : undefined;
}

export const childsPoseChecker: Checker<ChildsPoseState> = {
  exercise: 'childs-pose',
  holdOptions: { minHoldMs: C.minHoldMs },
  initial: () => ({ phase: 'setup' }),
  step(state: ChildsPoseState, f: Features) {
    const knees = Object.values(f.kneeAngleDeg);
    const sharperKnee = knees.length ? Math.min(...knees) : undefined;
    // Seen from near the head or the feet (the shoulders read wide) the image hips-to-heels
    // distance says little: the hips are not judged there.
    const endOnView =
      f.shoulderWidthTorso !== undefined &&
      f.shoulderWidthTorso > C.hipsJudgedMaxShoulderWidthTorso;
    // A knee read open past the folded line in a trunk folded past horizontal is the legs
    // misread (heels included): in the pose, the hips not judged.
    const legsMisread = sharperKnee !== undefined && sharperKnee > C.inPoseMaxKneeDeg;
    const hipAngles = Object.values(f.hipAngleDeg);
    const sharperHip = hipAngles.length ? Math.min(...hipAngles) : undefined;
    const hipsBack = endOnView || legsMisread ? undefined : hipsBackOf(f, sharperHip);
    const palmsTogether = palmsTogetherOf(f);
    const metrics: Verdict['metrics'] = {
      trunkLeanDeg: f.trunkLeanDeg,
      hipsToHeelsThighs: f.hipsToHeelsThighs,
      wristGapTorso: f.wristGapTorso,
      wristGapWorldM: f.wristGapWorldM,
      bodyMotionTorsoPerS: f.bodyMotionTorsoPerS,
    };
    // Folded past horizontal with the knees seen (read open, they are misread: see above);
    // where neither the knees nor the heels are seen (hidden under the body from a high
    // camera), the body's placement says folded. A flat back sits on the horizontal line,
    // so with the knees folded tight (all fours keeps them near 90°), or out of sight on
    // a side-on view, a little under horizontal is in the pose too. From 45° the image lean
    // of a hips-high pose falls under the line: arms reaching forward (or unseen, hidden
    // under the head) on folded knees say folded.
    // Arms seen down, or a hip open near 90°, are all fours (or kneeling up), not the pose.
    const lean = f.trunkLeanDeg;
    const shoulders = Object.values(f.shoulderAngleDeg);
    const armsForward = shoulders.length ? Math.max(...shoulders) : undefined;
    const allFours =
      (armsForward !== undefined && armsForward < C.armsForwardMinDeg) ||
      (sharperHip !== undefined && sharperHip > C.allFoursMinHipDeg);
    const inPose =
      f.usable &&
      lean !== undefined &&
      !allFours &&
      ((lean >= C.inPoseMinLeanDeg &&
        (sharperKnee !== undefined ||
          f.hipsToHeelsThighs !== undefined ||
          f.orientation === 'folded')) ||
        (lean >= C.flatBackMinLeanDeg &&
          (sharperKnee !== undefined
            ? sharperKnee <= C.flatBackMaxKneeDeg
            : // knees out of sight: a folded hip and arms reaching forward, side on
              sharperHip !== undefined && armsForward !== undefined && !endOnView)) ||
        (lean >= C.armsReachMinLeanDeg &&
          sharperKnee !== undefined &&
          (armsForward !== undefined
            ? armsForward >= C.armsReachMinDeg && sharperKnee <= C.inPoseMaxKneeDeg
            : sharperKnee <= C.armsUnseenMaxKneeDeg)));
    if (!inPose) {
      const verdict = outOfPosition(state.phase, f, metrics);
      return { state: { phase: verdict.phase }, verdict };
    }
    const raised: CueCode[] = [];
    if (hipsBack === false) raised.push('hips-back');
    if (palmsTogether === false) raised.push('palms-together');
    // A fault counts only where it is seen: with the hips or the palms unseen the hold
    // still counts (a stopwatch would time it), but is not praised (notJudged).
    const formGood = hipsBack !== false && palmsTogether !== false;
    const notJudged: CueCode[] = [];
    if (hipsBack === undefined) notJudged.push('hips-back');
    if (palmsTogether === undefined) notJudged.push('palms-together');
    if (formGood && !notJudged.length) raised.push('good-hold');
    // Held once the body has come to rest in the pose (a stopwatch starts then, not while
    // the arms still reach forward); a moment's motion only pauses the hold.
    const settled = !(
      f.bodyMotionTorsoPerS !== undefined && f.bodyMotionTorsoPerS >= C.settledBelowTorsoPerS
    );
    const phase: Phase = formGood && settled ? 'holding' : 'in-position';
    return { state: { phase }, verdict: { phase, raised, formGood, metrics, notJudged } };
  },
};
