/**
 * The whole pipeline on a recorded stream, in one call. Two ways:
 * - `analyzeSession`: the session as the live coach runs it (the session
 *   script: countdown, target, the twist's switch to the other side), as a
 *   SessionReport: what the analyzer command prints and the app stores.
 * - `analyzeStream`: one exercise's per-frame chain on one side, no script
 *   (the scorer, the tests), with the same SessionReport alongside.
 * Both build their report with the one SessionReporter. Pure: the times
 * come from the stream.
 */
import type { Side } from '../core/body-points.ts';
import type { Features } from '../core/features.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import type { CueEvent } from '../feedback/feedback-policy.ts';
import {
  type ReportPhase,
  type ReportSecond,
  type SessionReport,
  SessionReporter,
} from '../session/session-report.ts';
import { SessionScript } from '../session/session-script.ts';
import { EXERCISE_GUIDES } from '../ui/exercise-card/exercise-guides.ts';
import type { CheckerOptions, Verdict } from './checker.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { ExercisePipeline, type SidedHold } from './exercise-pipeline.ts';

export type { SidedHold } from './exercise-pipeline.ts';

/** The app's default hold target, s (the settings' default). */
export const DEFAULT_HOLD_TARGET_S = 20;

export interface TimedPose {
  tMs: number;
  /** Null when no usable pose was found on this frame. */
  frame: PoseFrame | null;
}

export type PhaseSpan = ReportPhase;
export type SecondSummary = ReportSecond;

export interface StreamReport {
  exercise: ExerciseId;
  /** Times as in the stream (the report counts from 0). */
  phases: PhaseSpan[];
  holds: SidedHold[];
  cues: CueEvent[];
  perSecond: SecondSummary[];
  /** The same analysis as a SessionReport, times from 0 on the stream's clock. */
  session: SessionReport;
}

/** Sees every frame's features and verdict as the stream is analysed (scoring, debugging). */
export type VerdictObserver = (tMs: number, verdict: Verdict, features: Features) => void;

export function analyzeStream(
  poses: Iterable<TimedPose>,
  exercise: ExerciseId,
  options: CheckerOptions = {},
  observe?: VerdictObserver,
  holdTargetS = DEFAULT_HOLD_TARGET_S,
): StreamReport {
  const pipeline = new ExercisePipeline(exercise, options);
  const side = exercise === 'seated-twist' ? options.side : undefined;
  const reporter = new SessionReporter({
    exercise,
    holdTargetS,
    startMs: 0,
    ...(side ? { startSide: side } : {}),
  });
  for (const { tMs, frame } of poses) {
    const step = pipeline.step(frame, tMs);
    if (!step) continue; // time must move forward
    observe?.(tMs, step.verdict, step.features);
    reporter.add(side ? { ...step, coachedSide: side } : step);
  }
  const holds = [...pipeline.end()];
  const session = reporter.finish(holds);
  return {
    exercise,
    phases: session.phases,
    holds,
    cues: session.cues,
    perSecond: session.perSecond,
    session,
  };
}

/** Whether a stretch's holds are called pauses (the roller): the guide's word, as the live coach says it. */
const holdWord = (id: ExerciseId) => EXERCISE_GUIDES[id].holdWord;

export interface SessionAnalysisOptions {
  exercise: ExerciseId;
  /** The twist's side to start with, as the app's setting; undefined: either way, no switch. */
  twistSide?: Side;
  /** Hold target, s. */
  holdTargetS?: number;
  /** The session's start on the stream's clock, ms (default: 0). */
  startMs?: number;
}

/** A recorded stream as the live coach would coach it, as the app's SessionReport. */
export function analyzeSession(
  poses: Iterable<TimedPose>,
  options: SessionAnalysisOptions,
): SessionReport {
  const { exercise } = options;
  const holdTargetS = options.holdTargetS ?? DEFAULT_HOLD_TARGET_S;
  const twistSide = exercise === 'seated-twist' ? options.twistSide : undefined;
  const script = new SessionScript({ exercise, twistSide, holdTargetS, holdWord });
  const reporter = new SessionReporter({
    exercise,
    holdTargetS,
    startMs: options.startMs ?? 0,
    ...(twistSide ? { startSide: twistSide } : {}),
  });
  for (const { tMs, frame } of poses) {
    const step = script.step(frame, tMs);
    if (step) reporter.add(step);
  }
  return reporter.finish(script.end());
}
