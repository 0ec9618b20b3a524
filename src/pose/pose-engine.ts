import type { EngineId, PoseFrame } from '../core/pose-frame.ts';

/** Raw RGBA pixels; works in Node as well as in browsers and workers. */
export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** Anything an engine can look at. The caller owns it and closes it (bitmaps, frames). */
export type PoseInput =
  | RgbaImage
  | ImageData
  | ImageBitmap
  | HTMLCanvasElement
  | OffscreenCanvas
  | HTMLVideoElement
  | HTMLImageElement;

/** What actually runs, after any fallback. */
export interface EngineRuntime {
  /** e.g. `wasm`, `webgl`, `cpu` (tfjs) or `GPU`, `CPU` (MediaPipe delegate). */
  backend: string;
  /** Set when the requested backend could not be used; says what happened. */
  fallback?: string;
}

/**
 * The one interface the rest of the app sees. Lifetime: created by
 * `createPoseEngine`, used for one camera or clip, then `close()`d, which
 * frees every model, task and tensor it holds. `detect` after `close` throws.
 */
export interface PoseEngine {
  readonly id: EngineId;
  /** Model name within the engine, e.g. `lite`, `blazepose-lite`. */
  readonly model: string;
  readonly runtime: EngineRuntime;
  /**
   * Finds one person. `tMs` is the source frame's timestamp and must increase
   * from call to call (video mode tracks from the previous frame).
   * Resolves to `null` when nobody is found.
   */
  detect(input: PoseInput, tMs: number): Promise<PoseFrame | null>;
  close(): void;
}

export function isRgbaImage(input: PoseInput): input is RgbaImage {
  return (
    typeof (input as RgbaImage).data === 'object' &&
    !(typeof ImageData !== 'undefined' && input instanceof ImageData)
  );
}

export function inputSize(input: PoseInput): { width: number; height: number } {
  if (typeof HTMLVideoElement !== 'undefined' && input instanceof HTMLVideoElement) {
    return { width: input.videoWidth, height: input.videoHeight };
  }
  if (typeof HTMLImageElement !== 'undefined' && input instanceof HTMLImageElement) {
    return { width: input.naturalWidth, height: input.naturalHeight };
  }
  return { width: input.width, height: input.height };
}

export class EngineClosedError extends Error {
  constructor(engine: string) {
    super(`${engine} pose engine was used after close()`);
    this.name = 'EngineClosedError';
  }
}
