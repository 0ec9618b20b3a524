/**
 * One clip and engine under the strict definitions (issue 14): the raw
 * counts and samples, so that a set's figures can be pooled over clips and
 * bootstrapped (strict-report.ts) instead of averaging per-clip ratios.
 */
import { FeatureStream } from '../../../src/core/feature-stream.ts';
import { analyzeStream } from '../../../src/exercises/analyze-stream.ts';
import type { CheckerOptions } from '../../../src/exercises/checker.ts';
import { ExerciseRecognizer } from '../../../src/exercises/recognize-exercise.ts';
import { cueDefinition } from '../../../src/feedback/cue-vocabulary.ts';
import type { SceneExercise } from '../scenes/scene-format.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import { decodeFrame, type LandmarkStream } from '../streams/landmark-stream.ts';
import { type Span, scoreCues } from './metrics.ts';
import { scoreClip } from './score-clip.ts';
import { falsePraise, matchHolds, STRICT_LINGER_S, STRICT_MAX_DELAY_S } from './strict-metrics.ts';

export interface StrictClip {
  scene: string;
  engine: string;
  exercise: SceneExercise;
  /** The camera's view bucket (`clips`: the scene's own, from its id). */
  view: string;
  frames: number;
  usableFrames: number;
  onBodyFrames: number;
  cues: number;
  rightCues: number;
  faults: number;
  caughtFaults: number;
  /** Seconds from each caught fault's start to its first cue. */
  delays: number[];
  praise: number;
  falsePraise: number;
  trueHolds: number;
  holdErrors: number[];
  holdsMatched: number;
  holdsMissed: number;
  holdsExtra: number;
  rotationErrors: number[];
  /** Rotation errors less the zero taken while sitting square (issue 14: reported with and without). */
  zeroedRotationErrors: number[];
  /** Roller clips: per-frame hip height error, thigh lengths; and on how many usable frames it was known. */
  hipErrors: number[];
  hipKnownFrames: number;
  /** Seconds until the clip's stretch was named (NaN: never or a negative). */
  recognizedAfterS: number;
  /** Frames on which a wrong stretch was named (on a negative: any stretch). */
  wrongFrames: number;
  /** Frames the checker had the person in position or holding, and of those, with a check it could not make. */
  inPoseFrames: number;
  notJudgedFrames: number;
}

/** Runs of truth frames that share a value, as spans in seconds. */
export function truthSpans(
  truth: ClipTruth,
  has: (f: ClipTruth['frames'][number]) => string[],
): Span[] {
  const out: Span[] = [];
  const open = new Map<string, number>();
  const step = 1 / truth.fps;
  truth.frames.forEach((f, i) => {
    const now = new Set(has(f));
    for (const [name, from] of open)
      if (!now.has(name)) {
        out.push({ name, from, to: f.t });
        open.delete(name);
      }
    for (const name of now) if (!open.has(name)) open.set(name, f.t);
    if (i === truth.frames.length - 1)
      for (const [name, from] of open) out.push({ name, from, to: f.t + step });
  });
  return out.sort((a, b) => a.from - b.from);
}

/** Frames on which the recogniser names any stretch: what a negative clip must never show. */
function namedFrames(stream: LandmarkStream): number {
  const measures = new FeatureStream();
  const recognizer = new ExerciseRecognizer();
  let named = 0;
  for (const f of stream.frames) {
    const { features } = measures.next(f.u ? decodeFrame(stream, f) : null, f.t);
    if (recognizer.update(features, f.t)) named++;
  }
  return named;
}

export function scoreClipStrict(
  stream: LandmarkStream,
  truth: ClipTruth,
  exercise: SceneExercise,
  view: string,
  options: CheckerOptions = {},
): StrictClip {
  const stretch = exercise === 'none' ? undefined : exercise;
  const base = scoreClip(stream, truth, stretch, options);
  const out: StrictClip = {
    scene: stream.scene,
    engine: stream.engine,
    exercise,
    view,
    frames: base.frames,
    usableFrames: Math.round(base.usable * base.frames),
    onBodyFrames: Math.round(base.onBody * base.frames),
    cues: 0,
    rightCues: 0,
    faults: 0,
    caughtFaults: 0,
    delays: [],
    praise: 0,
    falsePraise: 0,
    trueHolds: 0,
    holdErrors: [],
    holdsMatched: 0,
    holdsMissed: 0,
    holdsExtra: 0,
    rotationErrors: base.samples.rotationErrors,
    zeroedRotationErrors: base.samples.zeroedRotationErrors,
    hipErrors: exercise === 'foam-roller' ? base.samples.hipErrors : [],
    hipKnownFrames: exercise === 'foam-roller' ? base.samples.hipErrors.length : 0,
    recognizedAfterS: base.recognizedAfterS,
    wrongFrames: stretch ? Math.round(base.recognizedWrong * base.frames) : namedFrames(stream),
    inPoseFrames: 0,
    notJudgedFrames: 0,
  };
  if (!stretch) return out;
  let inPoseFrames = 0;
  let notJudgedFrames = 0;
  const report = analyzeStream(
    stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null })),
    stretch,
    options,
    (_, verdict) => {
      if (verdict.phase !== 'in-position' && verdict.phase !== 'holding') return;
      inPoseFrames++;
      if (verdict.notJudged?.length) notJudgedFrames++;
    },
  );
  const faults = truthSpans(truth, (f) => f.faults);
  const corrections = report.cues.flatMap((c) => {
    const fault = cueDefinition(c.code).corrects;
    return fault ? [{ t: c.tMs / 1000, fault: fault as string }] : [];
  });
  const praise = report.cues
    .filter((c) => cueDefinition(c.code).priority === 'praise')
    .map((c) => c.tMs / 1000);
  const cueScore = scoreCues(corrections, faults, STRICT_MAX_DELAY_S, STRICT_LINGER_S);
  const trueHolds = truthSpans(truth, (f) => (f.phase === 'holding' ? ['hold'] : []));
  const holds = matchHolds(
    trueHolds,
    report.holds.map((h) => ({ from: h.startMs / 1000, to: h.endMs / 1000 })),
  );
  return {
    ...out,
    cues: cueScore.cues,
    rightCues: cueScore.rightCues,
    faults: cueScore.faults,
    caughtFaults: cueScore.caughtFaults,
    delays: cueScore.delays,
    praise: praise.length,
    falsePraise: falsePraise(praise, faults),
    trueHolds: trueHolds.length,
    holdErrors: holds.errors,
    holdsMatched: holds.matched,
    holdsMissed: holds.missed,
    holdsExtra: holds.extra,
    inPoseFrames,
    notJudgedFrames,
  };
}
