/**
 * Hands-free control for the live coach: every camera pose goes through its
 * own smoothing and measures (so it keeps watching while the coach is
 * paused) into the gesture detector; and while the stretch is still being
 * recognised, the accept countdown. Returns what the coach should do; the
 * element does it. Time is an argument. Lifetime: one live session.
 */
import { FeatureStream } from '../core/feature-stream.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { type GestureEvent, PoseGestureDetector } from '../exercises/pose-gestures.ts';
import { type CountdownState, RecognitionCountdown } from '../exercises/recognition-countdown.ts';

export class HandsFreeController {
  private readonly measures = new FeatureStream();
  private readonly detector: PoseGestureDetector;
  private readonly countdown = new RecognitionCountdown();
  /** The accept countdown now (idle once a stretch is coached). */
  offer: CountdownState = { kind: 'idle' };

  constructor(exercise: ExerciseId | undefined) {
    this.detector = new PoseGestureDetector(exercise);
  }

  /** Share of the stop gesture held so far, 0–1. */
  get stopProgress(): number {
    return this.detector.stopProgress;
  }

  /** Whether the current pause came from the pose (sitting up), so going back resumes it. */
  get pausedByPose(): boolean {
    return this.detector.paused;
  }

  setExercise(exercise: ExerciseId | undefined) {
    this.detector.setExercise(exercise);
    this.offer = { kind: 'idle' };
  }

  /** One camera pose (raw; smoothed here). */
  onPose(frame: PoseFrame | null, tMs: number): GestureEvent | undefined {
    const { smoothed, features } = this.measures.next(frame, tMs);
    return this.detector.update(smoothed, features, tMs);
  }

  /** While recognising: the recogniser's answer this frame; `go` means coach it now. */
  onRecognized(recognized: ExerciseId | undefined, allowed: boolean, tMs: number): CountdownState {
    this.offer = this.countdown.update(recognized, allowed, tMs);
    return this.offer;
  }

  decline() {
    this.countdown.decline();
    this.offer = { kind: 'idle' };
  }

  /** A pause or resume by hand: the pose no longer owns the pause. */
  clearPause() {
    this.detector.clearPause();
  }
}
