import { LANDMARK, type LandmarkName } from './landmarks.ts';

/** A landmark in normalised image coordinates of the original (unmirrored) frame. */
export interface ImageLandmark {
  /** 0 = left edge, 1 = right edge of the image. */
  x: number;
  /** 0 = top, 1 = bottom. */
  y: number;
  /** Model-relative depth, same scale as x; smaller is nearer. Absent when the model gives none. */
  z?: number;
  /** 0–1: how likely the point is visible and in frame (MediaPipe visibility / tfjs score). */
  visibility: number;
}

/** A landmark in metres, origin between the hips, y down (as the models give it). */
export interface WorldLandmark {
  x: number;
  y: number;
  z: number;
}

export type EngineId = 'mediapipe' | 'tfjs';

/** One frame's pose, whichever engine made it. Plain data: safe to clone, store and post. */
export interface PoseFrame {
  /** Timestamp of the source frame, milliseconds (from the source, not a clock). */
  tMs: number;
  /** Which engine and model, e.g. `mediapipe/lite`, `tfjs/movenet-lightning`. */
  engine: `${EngineId}/${string}`;
  /** Size of the analysed image in pixels. */
  imageWidth: number;
  imageHeight: number;
  /**
   * Indexed by LANDMARK; `null` where the model has no such point
   * (MoveNet has 17 of the 33): absent, never invented.
   */
  landmarks: ReadonlyArray<ImageLandmark | null>;
  /** Same indexing; present only when the model gives metric 3D points. */
  world?: ReadonlyArray<WorldLandmark | null>;
}

export function getLandmark(frame: PoseFrame, name: LandmarkName): ImageLandmark | null {
  return frame.landmarks[LANDMARK[name]] ?? null;
}

export function getWorldLandmark(frame: PoseFrame, name: LandmarkName): WorldLandmark | null {
  return frame.world?.[LANDMARK[name]] ?? null;
}
