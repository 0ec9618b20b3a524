/**
 * When a camera frame's picture was taken, on the page's clock
 * (performance.now() ms), from what `requestVideoFrameCallback` says of
 * the frame it was called for and the media time of the frame actually
 * grabbed. The pose loop stamps each frame with this rather than the moment
 * it grabs it: on a busy main thread the grab comes 30–200 ms after the
 * capture (measured on Chromium's fake camera under load), and that delay
 * varies from frame to frame, so grab times would stretch and shrink holds.
 *
 * Chromium gives `captureTime` for a camera stream (its fake camera too:
 * 1–10 ms before `presentationTime`, a fixed offset from the stream's own
 * `mediaTime`). Where it is missing, `presentationTime` (the frame was
 * handed to the compositor) is the nearest to the capture; without
 * metadata (the requestAnimationFrame path), the grab time. A time in the
 * future or implausibly old (another clock) is not trusted either;
 * `expectedDisplayTime` is never used: it lies ahead of the grab.
 *
 * A camera stream's current frame moves on without waiting for the main
 * thread: a grab late in its callback takes a newer frame than the one the
 * metadata describes (measured: 95–250 ms newer when the callback ran 150
 * ms late). `grabbedMediaMs`, the grabbed frame's own media time (a
 * VideoFrame made from the <video> at the grab), moves the stamp on by as
 * much.
 */

/** The parts of VideoFrameCallbackMetadata read here (all on the page's clock but `mediaTime`, s). */
export interface CameraFrameMetadata {
  captureTime?: number;
  presentationTime?: number;
  mediaTime?: number;
}

/** Older than this at the grab, ms, a stamp is taken as from another clock (a camera is never this late). */
export const OLDEST_CAPTURE_MS = 2000;

/**
 * The grabbed frame's capture time, ms. `grabbedMs`: performance.now() at
 * the grab; `grabbedMediaMs`: the grabbed frame's media time, ms, when known.
 */
export function cameraFrameTimeMs(
  metadata: CameraFrameMetadata | undefined,
  grabbedMs: number,
  grabbedMediaMs?: number,
): number {
  const mediaMs = metadata?.mediaTime === undefined ? undefined : metadata.mediaTime * 1000;
  const newer =
    grabbedMediaMs !== undefined && mediaMs !== undefined ? grabbedMediaMs - mediaMs : 0;
  const moved = Number.isFinite(newer) && newer > 0 && newer < OLDEST_CAPTURE_MS ? newer : 0;
  for (const t of [metadata?.captureTime, metadata?.presentationTime]) {
    if (t === undefined || !Number.isFinite(t)) continue;
    const stamp = t + moved;
    if (stamp <= grabbedMs && grabbedMs - stamp < OLDEST_CAPTURE_MS) return stamp;
  }
  return grabbedMs;
}

/** The media time of the frame `video` shows now, ms (undefined where VideoFrame cannot say). */
export function currentFrameMediaMs(video: HTMLVideoElement): number | undefined {
  if (typeof VideoFrame !== 'function') return undefined;
  try {
    const frame = new VideoFrame(video);
    const ms = frame.timestamp / 1000;
    frame.close(); // at once: a held frame keeps a camera buffer from the camera
    return ms;
  } catch {
    return undefined;
  }
}
