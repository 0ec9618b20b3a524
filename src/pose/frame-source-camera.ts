/**
 * A live camera's <video> as a FrameSource that drops: one call per new
 * camera frame (`requestVideoFrameCallback`, else `requestAnimationFrame`
 * once per paint), and a frame is grabbed as an ImageBitmap only when the
 * consumer is free and no grab of its own is out; otherwise it is skipped
 * and counted as dropped, so what the consumer sees is never more than one
 * frame old. Each frame is stamped with its capture time
 * (camera-frame-time.ts), not the grab's: a busy main thread's late grab
 * does not enter the times, and a late grab that takes a newer frame than
 * the callback's is stamped with that frame's time. It runs until the
 * signal aborts (the callback is cancelled then, and a grab still out is
 * closed).
 */
import { cameraFrameTimeMs, currentFrameMediaMs } from './camera-frame-time.ts';
import { cameraGrabOptions } from './camera-grab-options.ts';
import type { FrameGate, FrameSource, FrameSourceRun, SourceFrame } from './frame-source.ts';

export class CameraFrameSource implements FrameSource {
  readonly pacing = 'drop' as const;

  constructor(readonly video: HTMLVideoElement) {}

  run(
    onFrame: (frame: SourceFrame) => Promise<void>,
    signal?: AbortSignal,
    gate?: FrameGate,
  ): Promise<FrameSourceRun> {
    const video = this.video;
    const perFrame = 'requestVideoFrameCallback' in video;
    let handle: number | undefined;
    let taken = 0;
    let dropped = 0;
    /** A grab, or onFrame's promise, is out: one frame at a time. */
    let out = false;
    let done = false;
    return new Promise((resolve, reject) => {
      const end = (error?: unknown) => {
        if (done) return;
        done = true;
        signal?.removeEventListener('abort', aborted);
        if (handle !== undefined) {
          if (perFrame) video.cancelVideoFrameCallback(handle);
          else cancelAnimationFrame(handle);
        }
        handle = undefined;
        if (error === undefined) resolve({ taken, dropped, ended: 'aborted' });
        else reject(error);
      };
      const aborted = () => end();
      const schedule = () => {
        handle = perFrame
          ? video.requestVideoFrameCallback(tick)
          : requestAnimationFrame(() => tick());
      };
      /** `metadata`: the frame's, from requestVideoFrameCallback (none on the requestAnimationFrame path). */
      const tick = (_now?: number, metadata?: VideoFrameCallbackMetadata) => {
        if (done) return;
        schedule();
        if (video.readyState < 2 || video.videoWidth === 0) return;
        const state = gate ? gate.state() : 'free';
        if (state === 'off') return;
        if (state === 'busy' || out) {
          dropped++;
          gate?.onDropped?.();
          return;
        }
        // The frame grabbed is the one current now (a late callback: a newer one), read right next to the grab.
        const grabbedMediaMs = metadata && currentFrameMediaMs(video);
        const grabbedMs = performance.now();
        const tMs = cameraFrameTimeMs(metadata, grabbedMs, grabbedMediaMs);
        if (gate?.take && !gate.take(tMs)) return;
        out = true;
        createImageBitmap(video, cameraGrabOptions(video.videoWidth, video.videoHeight)).then(
          (bitmap) => {
            if (done) {
              out = false;
              bitmap.close();
              return;
            }
            taken++;
            onFrame({ bitmap, tMs, grabbedMs }).then(
              () => {
                out = false;
              },
              (error: unknown) => {
                out = false;
                end(error ?? new Error('onFrame rejected'));
              },
            );
          },
          () => {
            // The video had no frame to give (e.g. it just stopped); the next callback tries again.
            out = false;
          },
        );
      };
      if (signal?.aborted) {
        end();
        return;
      }
      signal?.addEventListener('abort', aborted);
      schedule();
    });
  }
}
