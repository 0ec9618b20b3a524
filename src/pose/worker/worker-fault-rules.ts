/**
 * When the pose worker counts as dead or its engine as broken. Pure: the
 * loop controller feeds it what happened and acts on the verdict.
 *
 * A worker that is terminated (out of memory, killed by the browser or a
 * crash in its wasm) sends no event at all, so the only sign is a frame
 * that never comes back.
 */

/**
 * A frame out this long is taken as a dead worker, ms: 8× the recent model
 * time (a slow frame on a busy machine is ~3× the median), never under
 * 3 s (a lite model's frame after a GC pause), never over 15 s.
 */
export const STALL = { factor: 8, minMs: 3000, maxMs: 15_000 } as const;

/** Before any frame came back (model warm-up, shader compile on the first frame), ms. */
export const FIRST_FRAME_STALL_MS = 20_000;

/**
 * Frames failing in a row before the engine counts as broken: 5 (half a
 * second at 10 fps; one odd frame, e.g. a camera switching size, fails
 * alone and must not switch models).
 */
export const FAILURES_BEFORE_SWITCH = 5;

/** How many times a dead worker is restarted with the same engine before a lighter one is tried. */
export const RESTARTS_PER_ENGINE = 2;

/** How long a frame may be out before the worker counts as dead, from the recent median model time. */
export function stallLimitMs(medianInferenceMs: number | undefined): number {
  if (medianInferenceMs === undefined || !Number.isFinite(medianInferenceMs)) {
    return FIRST_FRAME_STALL_MS;
  }
  return Math.min(STALL.maxMs, Math.max(STALL.minMs, STALL.factor * medianInferenceMs));
}

/** Failures in a row after this frame's outcome. */
export function failuresAfter(failuresInARow: number, frameFailed: boolean): number {
  return frameFailed ? failuresInARow + 1 : 0;
}

/** Whether the engine should be given up for another after this many failures in a row. */
export function engineBroken(failuresInARow: number): boolean {
  return failuresInARow >= FAILURES_BEFORE_SWITCH;
}

/**
 * Whether a frame's error says the GPU context is gone (tfjs: "WebGL
 * context lost", `CONTEXT_LOST_WEBGL`; MediaPipe's GL errors). Such an
 * engine will not recover by itself: it moves to the CPU at once.
 */
export function isGpuLoss(message: string): boolean {
  return /context[ _-]?lost|CONTEXT_LOST_WEBGL|lost (its|the) (webgl|gl|graphics) context/i.test(
    message,
  );
}
