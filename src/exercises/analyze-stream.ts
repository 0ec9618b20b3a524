/**
 * The whole pipeline on a recorded stream, in one call: poses → the
 * exercise's per-frame chain (exercise-pipeline.ts: smoothing, features,
 * checker, feedback policy, hold timer) → a report of phases, holds (with
 * sides), cues and per-second metrics. Pure: the times come from the
 * stream. Used by the scorer, the tests and the analyzer command.
 */
import type { Features } from '../core/features.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import type { CueEvent } from '../feedback/feedback-policy.ts';
import type { CheckerOptions, Phase, Verdict } from './checker.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { ExercisePipeline, type SidedHold } from './exercise-pipeline.ts';

export type { SidedHold } from './exercise-pipeline.ts';

export interface TimedPose {
  tMs: number;
  /** Null when no usable pose was found on this frame. */
  frame: PoseFrame | null;
}

export interface PhaseSpan {
  fromMs: number;
  toMs: number;
  phase: Phase;
}

export interface SecondSummary {
  /** Start of the second, ms. */
  tMs: number;
  /** Share of this second's frames with a usable pose. */
  usable: number;
  /** The last verdict's metrics in this second. */
  metrics: Record<string, number | undefined>;
}

export interface StreamReport {
  exercise: ExerciseId;
  phases: PhaseSpan[];
  holds: SidedHold[];
  cues: CueEvent[];
  perSecond: SecondSummary[];
}

/** Sees every frame's features and verdict as the stream is analysed (scoring, debugging). */
export type VerdictObserver = (tMs: number, verdict: Verdict, features: Features) => void;

export function analyzeStream(
  poses: Iterable<TimedPose>,
  exercise: ExerciseId,
  options: CheckerOptions = {},
  observe?: VerdictObserver,
): StreamReport {
  const pipeline = new ExercisePipeline(exercise, options);
  const report: StreamReport = { exercise, phases: [], holds: [], cues: [], perSecond: [] };
  let second:
    | { tMs: number; frames: number; usable: number; metrics: SecondSummary['metrics'] }
    | undefined;

  for (const { tMs, frame } of poses) {
    const step = pipeline.step(frame, tMs);
    if (!step) continue; // time must move forward
    const { verdict, features } = step;
    observe?.(tMs, verdict, features);
    if (step.cue) report.cues.push(step.cue);

    const span = report.phases.at(-1);
    if (span && span.phase === verdict.phase) span.toMs = tMs;
    else report.phases.push({ fromMs: tMs, toMs: tMs, phase: verdict.phase });

    const secondStart = Math.floor(tMs / 1000) * 1000;
    if (!second || second.tMs !== secondStart) {
      if (second) report.perSecond.push(summary(second));
      second = { tMs: secondStart, frames: 0, usable: 0, metrics: {} };
    }
    second.frames++;
    if (features.usable) second.usable++;
    second.metrics = verdict.metrics;
  }
  if (second) report.perSecond.push(summary(second));
  report.holds = [...pipeline.end()];
  return report;
}

function summary(s: {
  tMs: number;
  frames: number;
  usable: number;
  metrics: SecondSummary['metrics'];
}): SecondSummary {
  return { tMs: s.tMs, usable: s.usable / s.frames, metrics: s.metrics };
}
