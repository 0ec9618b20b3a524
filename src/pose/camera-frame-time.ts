/**
 * When a camera frame's picture was taken, on the page's clock
 * (performance.now() ms), from what `requestVideoFrameCallback` says of it.
 * The pose loop stamps each frame with this rather than the moment it grabs
 * it: on a busy main thread the grab comes 30–200 ms after the capture
 * (measured on Chromium's fake camera under load), and that delay varies
 * from frame to frame, so grab times would stretch and shrink the holds.
 *
 * Chromium gives `captureTime` for a camera stream (its fake camera too:
 * 1–10 ms before `presentationTime`, and a fixed offset from the stream's
 * own `mediaTime`). Where it is missing, `presentationTime` (the frame was
 * handed to the compositor) is the nearest to the capture; without
 * metadata (the requestAnimationFrame path), the grab time. A time in the
 * future or implausibly old (another clock) is not trusted either;
 * `expectedDisplayTime` is never used: it lies ahead of the grab.
 */

/** The parts of VideoFrameCallbackMetadata read here (all on the page's clock). */
export interface CameraFrameMetadata {
  captureTime?: number;
  presentationTime?: number;
}

/** Older than this at the grab, ms, a stamp is taken as from another clock (a camera is never this late). */
export const OLDEST_CAPTURE_MS = 2000;

/** The frame's capture time, ms; `grabbedMs`: performance.now() at the grab. */
export function cameraFrameTimeMs(
  metadata: CameraFrameMetadata | undefined,
  grabbedMs: number,
): number {
  for (const t of [metadata?.captureTime, metadata?.presentationTime]) {
    if (
      t !== undefined &&
      Number.isFinite(t) &&
      t <= grabbedMs &&
      grabbedMs - t < OLDEST_CAPTURE_MS
    )
      return t;
  }
  return grabbedMs;
}
