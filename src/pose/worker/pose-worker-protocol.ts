/**
 * Messages between the page and the pose worker (pose-worker.ts). Plain,
 * structured-cloneable data; frames travel as transferred ImageBitmaps, so
 * the page never keeps a copy and the worker must close each one.
 */
import type { PoseFrame } from '../../core/pose-frame.ts';
import type { EngineSpec } from '../create-pose-engine.ts';
import type { Orientation } from '../floor-tracker.ts';
import type { EngineRuntime } from '../pose-engine.ts';

export type ToWorker =
  /** Load the engine (one per worker); answered by `ready` or `error`. */
  | { type: 'start'; spec: EngineSpec; turnFrames?: boolean }
  /** One camera frame; answered by exactly one `pose`. The bitmap is transferred and closed by the worker. */
  | { type: 'frame'; id: number; tMs: number; bitmap: ImageBitmap; wantBrightness?: boolean }
  /** Free everything; the worker then closes itself. */
  | { type: 'close' };

export interface WorkerPose {
  type: 'pose';
  id: number;
  /** The source frame's timestamp, ms (as sent). */
  tMs: number;
  /** In the original (unmirrored, unturned) frame's coordinates; null when nobody was found. */
  frame: PoseFrame | null;
  usable: boolean;
  orientation: Orientation;
  /** How many orientations the tracker ran the model on (1 upright; up to 3 when searching). */
  tried: number;
  /** Wall time the tracker took on this frame (all orientations tried), ms. */
  inferenceMs: number;
  /** Mean luma of the frame, 0–255, when asked for (setup: "too dark"). */
  brightness?: number;
}

export type FromWorker =
  | { type: 'ready'; engine: string; runtime: EngineRuntime; loadMs: number }
  | WorkerPose
  /** `id` set when a frame failed; absent when starting failed. */
  | { type: 'error'; message: string; id?: number }
  /** The engine runs on the GPU and its WebGL context was lost (gpu-context-watch.ts). */
  | { type: 'gpu-lost'; message: string };
