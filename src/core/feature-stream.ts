/**
 * Frames in, smoothed measures out: One Euro smoothing of the landmarks
 * (landmark-smoother.ts) then the features (features.ts), frame after frame
 * (the torso rotation over a short window of them, torso-rotation-window.ts),
 * with "nobody seen" for a frame without a pose. Pure: time is an argument.
 * Lifetime: one stream (the smoothing carries over from frame to frame).
 */
import { BodyMotion } from './body-motion.ts';
import { computeFeatures, type Features, nothingSeen } from './features.ts';
import { LandmarkSmoother } from './landmark-smoother.ts';
import type { PoseFrame } from './pose-frame.ts';
import { TorsoRotationWindow } from './torso-rotation-window.ts';
import { TORSO_ROTATION_WINDOW_MODEL } from './torso-rotation-window-model.ts';

export interface MeasuredFrame {
  /** The smoothed frame the features came from (null: nobody seen). */
  smoothed: PoseFrame | null;
  features: Features;
}

export class FeatureStream {
  private readonly smoother = new LandmarkSmoother();
  private readonly motion = new BodyMotion();
  private readonly rotation = new TorsoRotationWindow(TORSO_ROTATION_WINDOW_MODEL);

  /** The frame's measures; `tMs` (the stream's time) overrides the frame's own. */
  next(frame: PoseFrame | null, tMs: number): MeasuredFrame {
    if (!frame) {
      this.smoother.markMissing(tMs);
      this.motion.update(null, undefined, tMs);
      return { smoothed: null, features: nothingSeen(tMs) };
    }
    const smoothed = this.smoother.apply({ ...frame, tMs });
    const features = computeFeatures(smoothed, (f) => this.rotation.next(f, tMs));
    const motion = this.motion.update(smoothed, features.torsoLengthPx, tMs);
    if (motion !== undefined) features.bodyMotionTorsoPerS = motion;
    return { smoothed, features };
  }
}
