/**
 * Foam-roller thoracic extension, seen from the side at floor level. In
 * position when lying back on bent knees. Neck support from the wrists near
 * the head (or the arms-crossed variant), hip lift from the hip height and
 * the 3D hip angle, and the roller's place along the back from how far the
 * shoulders have slid away from the planted feet since the start. A pause on
 * a spot with good form is a hold.
 */
import { driftPerS, type TimedValue } from '../../core/drift-rate.ts';
import type { Features } from '../../core/features.ts';
import type { CueCode } from '../../feedback/cue-vocabulary.ts';
import type { Checker, Phase, Verdict } from '../checker.ts';
import { outOfPosition } from '../out-of-position.ts';
import { FOAM_ROLLER_CONFIG as C } from './config.ts';
import { rollerHipHeightThighs } from './hip-height.ts';

export interface FoamRollerState {
  phase: Phase;
  /** Shoulder-to-ankle distances while calibrating, torso lengths. */
  calibration: number[];
  /** Trunk lean while calibrating, degrees. */
  leanCalibration: number[];
  calibrateUntilMs?: number;
  /** Starting trunk lean from vertical, degrees. */
  startLean?: number;
  /** Starting shoulder-to-ankle distance, torso lengths. */
  startSlide?: number;
  lastRollerAt?: number;
  lastMs?: number;
  /** Smoothed rolling speed, fraction per second (signed). */
  speed?: number;
  /** Since when the roller estimate has been known without a gap, ms. */
  rollerKnownSinceMs?: number;
  /** Recent unsigned speeds (settled estimates only) with their times: the over-limit count in `tooFastWindowMs`. */
  recentSpeeds: { tMs: number; speed: number }[];
  /** Image slides (roller-travel units) over the last `creepWindowMs` (a gap clears them): whether it has stopped. */
  recentSlide: TimedValue[];
  /** The same slide from the world points over the same window: the pause where the image hides the feet. */
  recentWorldSlide: TimedValue[];
}

/** The window's samples with this one added (a gap clears them), in `scale` units. */
function recent(prev: TimedValue[], value: number | undefined, scale: number, tMs: number) {
  if (value === undefined) return [];
  return [...prev.filter((p) => p.tMs > tMs - C.creepWindowMs), { tMs, value: value / scale }];
}

interface Drifts {
  /** Signed slope over the last `pauseWindowMs`, per second. */
  recent?: number;
  /** …over the whole `creepWindowMs`… */
  whole?: number;
  /** …and over the part of it before the last `pauseWindowMs`. */
  before?: number;
}

function drifts(samples: TimedValue[], tMs: number): Drifts {
  const from = tMs - C.pauseWindowMs;
  return {
    recent: driftPerS(
      samples.filter((p) => p.tMs > from),
      C.pauseMinSpanMs,
      true,
    ),
    whole: driftPerS(samples, C.pauseMinSpanMs, true),
    before: driftPerS(
      samples.filter((p) => p.tMs <= from),
      C.creepBeforeMinSpanMs,
      true,
    ),
  };
}

/**
 * Paused on a drift line: the recent drift under it, and where it sits in the still
 * body's jitter (over `pauseClearFraction` of the line), no creep the same way over the
 * longer window, unless its earlier part rolled (a roll that stopped, not a slow one).
 */
function pausedOnLine(d: Drifts, line: number): boolean {
  if (d.recent === undefined) return false;
  const recentAbs = Math.abs(d.recent);
  if (recentAbs >= line) return false;
  if (recentAbs < C.pauseClearFraction * line || d.whole === undefined) return true;
  if (d.before !== undefined && Math.abs(d.before) >= C.rolledAboveFraction * line) return true;
  const creeping = Math.abs(d.whole) >= C.creepAboveFraction * line && d.whole * d.recent > 0;
  return !creeping;
}

const middle = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

export const foamRollerChecker: Checker<FoamRollerState> = {
  exercise: 'foam-roller',
  holdOptions: { minHoldMs: C.minHoldMs, breakToleranceMs: C.holdBreakToleranceMs },
  initial: () => ({
    phase: 'setup',
    calibration: [],
    leanCalibration: [],
    recentSpeeds: [],
    recentSlide: [],
    recentWorldSlide: [],
  }),
  step(prev: FoamRollerState, f: Features, tMs: number) {
    const state: FoamRollerState = { ...prev, calibration: prev.calibration };
    const knees = Object.values(f.kneeAngleDeg);
    const sharperKnee = knees.length ? Math.min(...knees) : undefined;
    const lean = f.trunkLeanDeg;
    const inPose =
      f.usable &&
      lean !== undefined &&
      lean >= C.inPoseLeanDeg[0] &&
      lean <= C.inPoseLeanDeg[1] &&
      // Knees bent; when the knees cannot be seen, lying back is enough.
      (sharperKnee === undefined || sharperKnee <= C.inPoseMaxKneeDeg);

    const hip = rollerHipHeightThighs(f);
    const sideOn =
      f.shoulderWidthTorso !== undefined && f.shoulderWidthTorso < C.sideOnMaxShoulderWidthTorso;
    // Side-on a wrist off the head can read as close as one on it: between the sure
    // line and the front line the hands are not judged (see config).
    const handsOnHead =
      f.wristToHeadTorso === undefined
        ? undefined
        : f.wristToHeadTorso <= (sideOn ? C.handsOnHeadSideOnSureMaxTorso : C.handsOnHeadMaxTorso)
          ? true
          : f.wristToHeadTorso <= C.handsOnHeadMaxTorso
            ? undefined
            : false;
    const armsCrossed =
      f.wristToOppositeShoulderTorso !== undefined &&
      f.wristToOppositeShoulderTorso <= C.armsCrossedMaxTorso;
    const neckSupported = handsOnHead === true || armsCrossed ? true : handsOnHead;
    // Roller position from the slide of the shoulders away from the planted feet.
    let rollerAt: number | undefined;
    if (inPose && f.shoulderToAnkleTorso !== undefined) {
      if (state.startSlide === undefined) {
        state.calibrateUntilMs ??= tMs + C.calibrateMs;
        state.calibration = [...state.calibration, f.shoulderToAnkleTorso];
        state.leanCalibration = [...state.leanCalibration, lean!];
        if (tMs >= state.calibrateUntilMs) {
          state.startSlide = middle(state.calibration);
          state.startLean = middle(state.leanCalibration);
        }
      }
      if (state.startSlide !== undefined) {
        rollerAt = C.startAt + (f.shoulderToAnkleTorso - state.startSlide) / C.slidePerRollerTravel;
      }
    }
    // Hips high on the floor line and the hip opened in 3D. High on the line with the hip
    // folded, the two disagree: not judged (neither cued nor praised). Not judged either with
    // the roller past the zone, which lifts them by itself (see config).
    const hipOpen =
      f.hipAngleWorldDeg === undefined || f.hipAngleWorldDeg >= C.hipsHighMinHipAngleDeg;
    const hipsHigh =
      hip === undefined ||
      (rollerAt ?? 0) > C.hipsJudgedUpToRollerAt ||
      (hip > C.hipsHighAboveThighs && !hipOpen)
        ? undefined
        : hip > C.hipsHighAboveThighs;
    if (
      rollerAt !== undefined &&
      state.lastRollerAt !== undefined &&
      state.lastMs !== undefined &&
      tMs > state.lastMs
    ) {
      const dtMs = tMs - state.lastMs;
      const raw = ((rollerAt - state.lastRollerAt) * 1000) / dtMs;
      const a = dtMs / (C.speedSmoothingMs + dtMs);
      state.speed = state.speed === undefined ? raw : state.speed + a * (raw - state.speed);
    } else if (rollerAt === undefined) {
      state.speed = undefined;
    }
    state.lastRollerAt = rollerAt;
    state.lastMs = tMs;
    // The first estimates follow a second of calibration on a still body: settled already.
    const justCalibrated = prev.startSlide === undefined && state.startSlide !== undefined;
    state.rollerKnownSinceMs =
      rollerAt === undefined
        ? undefined
        : (prev.rollerKnownSinceMs ?? (justCalibrated ? tMs - C.speedSettleMs : tMs));
    const settled =
      state.rollerKnownSinceMs !== undefined && tMs - state.rollerKnownSinceMs >= C.speedSettleMs;
    // The slide itself, not the place: a pause needs no calibration, only stillness.
    const slide = inPose ? f.shoulderToAnkleTorso : undefined;
    state.recentSlide = recent(prev.recentSlide, slide, C.slidePerRollerTravel, tMs);
    const worldSlide = inPose ? f.shoulderToAnkleWorldTorso : undefined;
    state.recentWorldSlide = recent(prev.recentWorldSlide, worldSlide, 1, tMs);
    // The roller's own drift where the feet are seen; else the world points' slide.
    const drift = drifts(state.recentSlide, tMs);
    const worldDrift = drifts(state.recentWorldSlide, tMs);
    const imageSeen = drift.recent !== undefined;

    const metrics: Verdict['metrics'] = {
      hipHeightThighs: hip,
      wristToHeadTorso: f.wristToHeadTorso,
      rollerAt,
      rollingSpeedPerS: state.speed,
      rollerDriftPerS: drift.recent === undefined ? undefined : Math.abs(drift.recent),
      rollerCreepPerS: drift.whole === undefined ? undefined : Math.abs(drift.whole),
      worldSlideDriftPerS:
        worldDrift.recent === undefined ? undefined : Math.abs(worldDrift.recent),
      trunkLeanDeg: lean,
      hipAngleWorldDeg: f.hipAngleWorldDeg,
    };
    if (!inPose) {
      const verdict = outOfPosition(prev.phase, f, metrics);
      state.phase = verdict.phase;
      return { state, verdict };
    }
    // Past the ribs the trunk also tips back toward the floor: a second sign, read only
    // side-on (at an angle the image lean drops as the arms go up; see config).
    const leanDrop =
      state.startLean === undefined || lean === undefined ? undefined : state.startLean - lean;
    const onLowerBack =
      rollerAt === undefined && leanDrop === undefined
        ? undefined
        : (rollerAt ?? 0) > C.lowerBackAbove ||
          (sideOn && (leanDrop ?? 0) > C.lowerBackLeanDropDeg);
    const speed = state.speed === undefined ? undefined : Math.abs(state.speed);
    state.recentSpeeds = [
      ...prev.recentSpeeds.filter((s) => s.tMs > tMs - C.tooFastWindowMs),
      ...(speed === undefined || !settled ? [] : [{ tMs, speed }]),
    ];
    const overLimit = state.recentSpeeds.filter((s) => s.speed > C.tooFastPerS).length;
    const tooFast = state.recentSpeeds.length ? overLimit >= C.tooFastMinFrames : undefined;
    const raised: CueCode[] = [];
    if (neckSupported === false) raised.push('support-neck');
    if (hipsHigh === true) raised.push('keep-hips-low');
    if (onLowerBack === true) raised.push('stay-upper-back');
    // On the lower back, getting off it is what matters; the pace can wait.
    if (tooFast === true && onLowerBack !== true) raised.push('roll-slower');
    // Hands unseen (the far wrist behind the head from the side): neck support is not
    // judged, the pause still counts as a hold, unpraised.
    const formGood =
      hipsHigh === undefined
        ? undefined
        : neckSupported !== false && !hipsHigh && onLowerBack !== true && tooFast !== true;
    const notJudged: CueCode[] = [];
    if (neckSupported === undefined) notJudged.push('support-neck');
    if (hipsHigh === undefined) notJudged.push('keep-hips-low');
    if (onLowerBack === undefined) notJudged.push('stay-upper-back');
    // A pause: the roller's place has not drifted over the last couple of seconds, nor
    // crept over the last few (see pausedOnLine).
    const paused = imageSeen
      ? pausedOnLine(drift, C.pausedBelowPerS)
      : pausedOnLine(worldDrift, C.pausedWorldBelowPerS);
    // The pause is the hold (a stopwatch times it), with a check the view cannot make
    // unjudged; a fault seen ends it.
    const faultSeen =
      neckSupported === false || hipsHigh === true || onLowerBack === true || tooFast === true;
    const phase: Phase = paused && !faultSeen ? 'holding' : 'in-position';
    if (phase === 'holding' && formGood && !notJudged.length) raised.push('pause-here');
    state.phase = phase;
    return {
      state,
      verdict: {
        phase,
        raised,
        formGood: formGood === undefined ? undefined : formGood && paused,
        metrics,
        notJudged,
      },
    };
  },
};
