/**
 * The whole pipeline on a recorded stream, in one call: poses → smoothing →
 * features → the exercise's checker → feedback policy and hold timer →
 * a report of phases, holds, cues and per-second metrics. Pure: the times
 * come from the stream. Used by the scorer, the tests and (later) the
 * analyzer command.
 */
import type { Side } from '../core/body-points.ts';
import { computeFeatures, type Features, nothingSeen } from '../core/features.ts';
import { type Hold, HoldTimer } from '../core/hold-timer.ts';
import { LandmarkSmoother } from '../core/landmark-smoother.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import { type CueEvent, FeedbackPolicy } from '../feedback/feedback-policy.ts';
import type { CheckerOptions, Phase, Verdict } from './checker.ts';
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

/** A finished hold, with the side it worked where the exercise has sides. */
export interface SidedHold extends Hold {
  side?: Side;
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
  const checker = CHECKERS[exercise];
  const smoother = new LandmarkSmoother();
  const policy = new FeedbackPolicy();
  const timer = new HoldTimer(checker.holdOptions);
  let state = checker.initial(options);
  const sides = new HoldSides();
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
    observe?.(tMs, verdict, features);
    const cue = policy.update(verdict.raised, tMs);
    if (cue) report.cues.push(cue);
    const held = timer.holds.length;
    const holdStartedMs = timer.active?.startMs;
    timer.update(verdict.formGood, tMs);
    if (timer.holds.length > held) sides.finish(timer.holds.at(-1)!);
    if (timer.active?.startMs !== holdStartedMs) sides.clear(); // a new hold, or a dropped one
    if (timer.active && verdict.formGood) sides.count(verdict.side);

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
  const held = timer.holds.length;
  timer.end();
  if (timer.holds.length > held) sides.finish(timer.holds.at(-1)!);
  report.holds = sides.done;
  return report;
}

/** Names each hold's side by the side most of its good frames worked. */
class HoldSides {
  private readonly votes = new Map<Side, number>();
  readonly done: SidedHold[] = [];

  count(side: Side | undefined): void {
    if (side) this.votes.set(side, (this.votes.get(side) ?? 0) + 1);
  }

  finish(hold: Hold): void {
    const [best] = [...this.votes].sort((a, b) => b[1] - a[1]);
    this.done.push(best ? { ...hold, side: best[0] } : { ...hold });
    this.clear();
  }

  clear(): void {
    this.votes.clear();
  }
}

function summary(s: {
  tMs: number;
  frames: number;
  usable: number;
  metrics: SecondSummary['metrics'];
}): SecondSummary {
  return { tMs: s.tMs, usable: s.usable / s.frames, metrics: s.metrics };
}
