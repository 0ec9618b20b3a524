/**
 * The whole pipeline on a recorded stream, in one call: poses → smoothing →
 * features → the exercise's checker → feedback policy and hold timer →
 * a report of phases, holds, cues and per-second metrics. Pure: the times
 * come from the stream. Used by the scorer, the tests and (later) the
 * analyzer command.
 */
import { computeFeatures, type Features, nothingSeen } from '../core/features.ts';
import { type Hold, HoldTimer } from '../core/hold-timer.ts';
import { LandmarkSmoother } from '../core/landmark-smoother.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import { type CueEvent, FeedbackPolicy } from '../feedback/feedback-policy.ts';
import type { Phase } from './checker.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { CHECKERS } from './index.ts';

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
  holds: Hold[];
  cues: CueEvent[];
  perSecond: SecondSummary[];
}

export function analyzeStream(poses: Iterable<TimedPose>, exercise: ExerciseId): StreamReport {
  const checker = CHECKERS[exercise];
  if (!checker) throw new Error(`No checker for "${exercise}" yet`);
  const smoother = new LandmarkSmoother();
  const policy = new FeedbackPolicy();
  const timer = new HoldTimer(checker.holdOptions);
  let state = checker.initial();
  const report: StreamReport = { exercise, phases: [], holds: [], cues: [], perSecond: [] };
  let second:
    | { tMs: number; frames: number; usable: number; metrics: SecondSummary['metrics'] }
    | undefined;
  let lastMs = Number.NEGATIVE_INFINITY;

  for (const { tMs, frame } of poses) {
    if (!(tMs > lastMs)) continue; // time must move forward
    lastMs = tMs;
    let features: Features;
    if (frame) {
      features = computeFeatures(smoother.apply(frame));
    } else {
      smoother.markMissing(tMs);
      features = nothingSeen(tMs);
    }
    const step = checker.step(state, features, tMs);
    state = step.state;
    const { verdict } = step;
    const cue = policy.update(verdict.raised, tMs);
    if (cue) report.cues.push(cue);
    timer.update(verdict.formGood, tMs);

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
  timer.end();
  report.holds = [...timer.holds];
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
