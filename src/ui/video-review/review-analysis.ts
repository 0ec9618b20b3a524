/**
 * What a recording (its poses, one per analysed frame at media time) says
 * as a session: the stretch named, or recognised from the movement as the
 * live coach offers it, then the live coach's own session script and
 * reporter (`analyzeSession`). Shared by video review in the app and the
 * `spinewise analyze` command, so both give the same SessionReport for the
 * same poses. Pure: the times come from the recording.
 */
import type { Side } from '../../core/body-points.ts';
import { analyzeSession, type TimedPose } from '../../exercises/analyze-stream.ts';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { CoachPipeline } from '../../session/coach-pipeline.ts';
import type { SessionReport } from '../../session/session-report.ts';

export interface ReviewOptions {
  /** The stretch; undefined: recognised from the movement. */
  exercise?: ExerciseId;
  /** The twist's first side, as the app's setting; undefined: either way counts, no switch. */
  side?: Side;
  /** Hold target, s. */
  holdTargetS: number;
}

export type ReviewOutcome =
  | { ok: true; exercise: ExerciseId; recognised: boolean; report: SessionReport }
  /** `nobody`: no frame had a pose; `unrecognised`: people seen, no stretch recognised. */
  | { ok: false; reason: 'nobody' | 'unrecognised'; posed: number; frames: number };

/** The stretch the recogniser sees first in the recording, as the live coach would offer it. */
export function recogniseStretch(poses: Iterable<TimedPose>): ExerciseId | undefined {
  const pipeline = new CoachPipeline(undefined);
  for (const { tMs, frame } of poses) {
    const id = pipeline.step(frame, tMs)?.recognized;
    if (id) return id;
  }
  return undefined;
}

/** The recording as a session report, or why there is none. */
export function reviewPoses(poses: readonly TimedPose[], options: ReviewOptions): ReviewOutcome {
  const posed = poses.filter((p) => p.frame).length;
  if (posed === 0) return { ok: false, reason: 'nobody', posed, frames: poses.length };
  const exercise = options.exercise ?? recogniseStretch(poses);
  if (!exercise) return { ok: false, reason: 'unrecognised', posed, frames: poses.length };
  const report = analyzeSession(poses, {
    exercise,
    holdTargetS: options.holdTargetS,
    startMs: poses[0]?.tMs ?? 0,
    ...(options.side ? { twistSide: options.side } : {}),
  });
  return { ok: true, exercise, recognised: options.exercise === undefined, report };
}
