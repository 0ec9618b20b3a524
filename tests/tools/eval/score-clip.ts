/**
 * Scores one recorded stream against its clip's truth: how often a usable
 * pose was found (with the floor tracker and without), whether it sat on the
 * body, how far the landmarks are from the figure's true joints, and the
 * per-frame hip height (the roller's, foam-roller/hip-height.ts: unknown
 * off side-on) against the true one. The
 * checkers' measures (rotation, roller, holds, cues) join here as they land
 * (issue 4), using metrics.ts.
 */

import { FeatureStream } from '../../../src/core/feature-stream.ts';
import { computeFeatures } from '../../../src/core/features.ts';
import { getLandmark } from '../../../src/core/pose-frame.ts';
import { RotationZero } from '../../../src/core/torso-rotation-zero.ts';
import { analyzeStream } from '../../../src/exercises/analyze-stream.ts';
import type { CheckerOptions } from '../../../src/exercises/checker.ts';
import type { ExerciseId } from '../../../src/exercises/exercise-ids.ts';
import { FOAM_ROLLER_CONFIG } from '../../../src/exercises/foam-roller/config.ts';
import { rollerHipHeightThighs } from '../../../src/exercises/foam-roller/hip-height.ts';
import { ExerciseRecognizer } from '../../../src/exercises/recognize-exercise.ts';
import { cueDefinition } from '../../../src/feedback/cue-vocabulary.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import { TRUTH_JOINTS } from '../scenes/truth-format.ts';
import { decodeFrame, type LandmarkStream } from '../streams/landmark-stream.ts';
import {
  holdErrors,
  mean,
  meanAbs,
  median,
  percentile,
  type Span,
  scoreCues,
  share,
} from './metrics.ts';

/** A usable frame whose median joint error is below this many torso lengths is "on the body". */
export const ON_BODY_TORSO = 0.25;

export interface ClipScore {
  scene: string;
  engine: string;
  frames: number;
  /** Shares of frames, 0–1. */
  usable: number;
  usablePlain: number;
  onBody: number;
  /** Median and 95th percentile over usable frames of the per-frame median joint error, torso lengths. */
  jointErrorMedian: number;
  jointErrorP95: number;
  /** Share of frames the tracker found the pose in a turned frame. */
  turned: number;
  /** Mean absolute hip-height error over usable frames where it is known, thigh lengths. */
  hipHeightError: number;
  /** Share of usable frames where the hip height is known. */
  hipHeightKnown: number;
  /**
   * The checker's cues against the scripted faults (a cue counts when it
   * corrects a fault present, or present up to CUE_LINGER_S before; a fault
   * is caught by a cue within CUE_MAX_DELAY_S of its start) and its holds
   * against the scripted holds. NaN where the exercise has no checker yet.
   */
  cuePrecision: number;
  cueRecall: number;
  /** Mean absolute error of hold durations, seconds. */
  holdError: number;
  /**
   * Roller clips: share of the frames on the roller where the checker's call
   * (on the lower back, or not) matches the true roller position (NaN elsewhere).
   */
  rollerZoneRight: number;
  /** Torso rotation against the truth on twist clips, degrees: mean absolute and 95th percentile (NaN elsewhere). */
  rotationError: number;
  rotationErrorP95: number;
  /**
   * Seconds from coming into position (the truth's first frame past setup) until the
   * recogniser first named the clip's exercise; 0 when named before (NaN: never).
   */
  recognizedAfterS: number;
  /** Share of frames on which the recogniser named a wrong exercise. */
  recognizedWrong: number;
  /** The per-frame values behind the error figures, for pooling over clips (not printed). */
  samples: {
    jointErrors: number[];
    hipErrors: number[];
    rotationErrors: number[];
    /** The same, less the zero taken while sitting square (core/torso-rotation-zero.ts). */
    zeroedRotationErrors: number[];
  };
}

/** Each truth joint's distance from the model's landmark, in torso lengths (Infinity if absent). */
export function frameJointErrors(
  stream: LandmarkStream,
  index: number,
  truth: ClipTruth,
): number[] | undefined {
  const frame = decodeFrame(stream, stream.frames[index]!);
  if (!frame) return undefined;
  const t = truth.frames[index]!;
  const { imageWidth: w, imageHeight: h } = truth;
  // The torso's true length at its depth, in pixels: unaffected by how end-on it is seen.
  const torso = truth.torsoLengthM * t.pxPerM;
  return TRUTH_JOINTS.map((name) => {
    const p = getLandmark(frame, name);
    if (!p) return Number.POSITIVE_INFINITY;
    const [tx, ty] = t.joints[name];
    return Math.hypot((p.x - tx) * w, (p.y - ty) * h) / torso;
  });
}

/** Issue 4's targets: the first cue within 1.5 s of a fault starting. */
export const CUE_MAX_DELAY_S = 1.5;
/** A cue may trail the end of its fault by the policy's debounce. */
export const CUE_LINGER_S = 1;

/** Runs of consecutive truth frames that share a value, as spans in seconds. */
function spans(truth: ClipTruth, has: (f: ClipTruth['frames'][number]) => string[]): Span[] {
  const out: Span[] = [];
  const open = new Map<string, number>();
  const step = 1 / truth.fps;
  truth.frames.forEach((f, i) => {
    const now = new Set(has(f));
    for (const [name, from] of open) {
      if (!now.has(name)) {
        out.push({ name, from, to: f.t });
        open.delete(name);
      }
    }
    for (const name of now) if (!open.has(name)) open.set(name, f.t);
    if (i === truth.frames.length - 1)
      for (const [name, from] of open) out.push({ name, from, to: f.t + step });
  });
  return out.sort((a, b) => a.from - b.from);
}

function checkerScores(
  stream: LandmarkStream,
  truth: ClipTruth,
  exercise: ExerciseId | undefined,
  options: CheckerOptions,
) {
  if (!exercise)
    return {
      cuePrecision: Number.NaN,
      cueRecall: Number.NaN,
      holdError: Number.NaN,
      rollerZoneRight: Number.NaN,
    };
  // Roller zone: on each frame where the figure is on the roller, is the checker's call
  // (on the lower back or not) the truth's? A frame the checker does not judge counts as wrong.
  const zoneRight: boolean[] = [];
  const truthAt = new Map(truth.frames.map((f, i) => [stream.frames[i]!.t, f]));
  const report = analyzeStream(
    stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null })),
    exercise,
    options,
    (tMs, verdict) => {
      const t = truthAt.get(tMs);
      if (t?.rollerAt === undefined || !(t.phase === 'in-position' || t.phase === 'holding'))
        return;
      const judged = verdict.phase === 'in-position' || verdict.phase === 'holding';
      const onLowerBack = verdict.raised.includes('stay-upper-back');
      zoneRight.push(judged && onLowerBack === t.rollerAt > FOAM_ROLLER_CONFIG.lowerBackAbove);
    },
  );
  const cues = report.cues.flatMap((c) => {
    const fault = cueDefinition(c.code).corrects;
    return fault ? [{ t: c.tMs / 1000, fault: fault as string }] : [];
  });
  const cueScore = scoreCues(
    cues,
    spans(truth, (f) => f.faults),
    CUE_MAX_DELAY_S,
    CUE_LINGER_S,
  );
  const trueHolds = spans(truth, (f) => (f.phase === 'holding' ? ['hold'] : []));
  const found = report.holds.map((h) => ({ from: h.startMs / 1000, to: h.endMs / 1000 }));
  return {
    cuePrecision: cueScore.precision,
    cueRecall: cueScore.recall,
    holdError: mean(holdErrors(trueHolds, found)),
    rollerZoneRight: zoneRight.length ? share(zoneRight) : Number.NaN,
  };
}

/**
 * On the smoothed stream, as the app would run: exercise recognition with no
 * exercise chosen, and (on twist clips) the torso rotation against the truth.
 */
function smoothedScores(
  stream: LandmarkStream,
  truth: ClipTruth,
  exercise: ExerciseId | undefined,
) {
  const measures = new FeatureStream();
  const recognizer = new ExerciseRecognizer();
  let first: number | undefined;
  let wrong = 0;
  const rotationErrors: number[] = [];
  const zeroedRotationErrors: number[] = [];
  const zero = new RotationZero();
  stream.frames.forEach((f, i) => {
    const frame = f.u ? decodeFrame(stream, f) : null;
    const { features } = measures.next(frame, f.t);
    const answer = recognizer.update(features, f.t);
    if (answer === exercise) first ??= f.t;
    else if (answer) wrong++;
    if (exercise === 'seated-twist' && features.torsoRotationDeg !== undefined) {
      const d = features.torsoRotationDeg - truth.frames[i]!.rotationDeg;
      rotationErrors.push(Math.abs(((d + 540) % 360) - 180));
      const z =
        zero.next(features.torsoRotationDeg, f.t, features.orientation === 'seated')! -
        truth.frames[i]!.rotationDeg;
      zeroedRotationErrors.push(Math.abs(((z + 540) % 360) - 180));
    }
  });
  // From coming into position, as a user would time it: naming the stretch during the
  // setup (on all fours before the fold, say) is a guess, not a faster recognition.
  const entryS = truth.frames.find((f) => f.phase !== 'setup')?.t;
  const fromMs = entryS === undefined ? (stream.frames[0]?.t ?? 0) : entryS * 1000;
  return {
    recognizedAfterS:
      exercise && first !== undefined ? Math.max(0, first - fromMs) / 1000 : Number.NaN,
    recognizedWrong: exercise ? wrong / stream.frames.length : Number.NaN,
    rotationError: mean(rotationErrors),
    rotationErrorP95: percentile(rotationErrors, 95),
    rotationErrors,
    zeroedRotationErrors,
  };
}

export function scoreClip(
  stream: LandmarkStream,
  truth: ClipTruth,
  exercise?: ExerciseId,
  options: CheckerOptions = {},
): ClipScore {
  if (stream.frames.length !== truth.frames.length) {
    throw new Error(
      `${stream.scene} ${stream.engine}: ${stream.frames.length} frames recorded, truth has ${truth.frames.length}`,
    );
  }
  const { rotationErrors, zeroedRotationErrors, ...smoothed } = smoothedScores(
    stream,
    truth,
    exercise,
  );
  const errors: number[] = [];
  const onBody: boolean[] = [];
  const hipErrors: number[] = [];
  const hipKnown: boolean[] = [];
  stream.frames.forEach((f, i) => {
    const frame = f.u ? decodeFrame(stream, f) : null;
    if (frame) {
      const hip = rollerHipHeightThighs(computeFeatures(frame));
      hipKnown.push(hip !== undefined);
      if (hip !== undefined) hipErrors.push(hip - truth.frames[i]!.hipHeightThighs);
    }
    const e = f.u ? frameJointErrors(stream, i, truth) : undefined;
    const m = e ? median(e) : Number.POSITIVE_INFINITY;
    if (e) errors.push(m);
    onBody.push(m < ON_BODY_TORSO);
  });
  return {
    scene: stream.scene,
    engine: stream.engine,
    frames: stream.frames.length,
    usable: share(stream.frames.map((f) => f.u === 1)),
    usablePlain: share([...stream.plainUsable].map((c) => c === '1')),
    onBody: share(onBody),
    jointErrorMedian: median(errors),
    jointErrorP95: percentile(errors, 95),
    turned: share(stream.frames.map((f) => f.u === 1 && f.o !== 0)),
    hipHeightError: meanAbs(hipErrors),
    hipHeightKnown: share(hipKnown),
    ...checkerScores(stream, truth, exercise, options),
    ...smoothed,
    samples: { jointErrors: errors, hipErrors, rotationErrors, zeroedRotationErrors },
  };
}
