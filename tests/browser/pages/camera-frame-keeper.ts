/**
 * For the live-coach report-equality test, loaded into the coach's page:
 * keeps a copy of every frame the coach's pose loop hands its worker (the
 * very pixels, copied before the bitmap is transferred) with the loop's
 * stamp, notes which of them came back analysed, and notes the capture
 * time of every frame the coach's <video> showed (requestVideoFrameCallback).
 * Then replays the analysed frames, at the loop's stamps, through the video
 * review's chain (`reviewFrames`: a pose worker of its own, the session
 * script and reporter) as a source that waits; the frames from before the
 * session go through the model only, so its tracking has the coach's
 * history.
 */
import type { Side } from '../../../src/core/body-points.ts';
import type { EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import type { FrameSource, FrameSourceRun, SourceFrame } from '../../../src/pose/frame-source.ts';
import { PoseWorkerClient } from '../../../src/pose/worker/pose-worker-client.ts';
import type { SessionReport } from '../../../src/session/session-report.ts';
import type { LiveCoach } from '../../../src/ui/live-session/live-coach.ts';
import { reviewFrames } from '../../../src/ui/video-review/analyze-video.ts';

/** Copies of the frames offered to the coach's worker, by stamp. */
const offered = new Map<number, ImageBitmap>();
/** Stamps of the frames the coach's pose loop analysed, in order (setup included). */
const analysed: number[] = [];
/** captureTime of every frame the coach's <video> showed. */
const captured: number[] = [];
/** Offers whose copy was checked against the original, and how many matched. */
const copyCheck = { checked: 0, same: 0 };
let keeping = false;

/** The pixels of `b`, copied at once (the original is about to be transferred). */
function copyOf(b: ImageBitmap): ImageBitmap {
  const canvas = new OffscreenCanvas(b.width, b.height);
  canvas.getContext('2d')!.drawImage(b, 0, 0);
  return canvas.transferToImageBitmap();
}

function pixels(b: ImageBitmap): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(b.width, b.height);
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.drawImage(b, 0, 0);
  return g.getImageData(0, 0, b.width, b.height).data;
}

const sameBytes = (a: Uint8ClampedArray, b: Uint8ClampedArray) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Starts keeping what the coach analyses (call before its camera starts). */
export function watchCoach(coach: LiveCoach): void {
  keeping = true;
  const offer = PoseWorkerClient.prototype.offer;
  PoseWorkerClient.prototype.offer = function (bitmap, tMs, ...rest) {
    if (keeping && !this.busy) {
      const copy = copyOf(bitmap);
      if (copyCheck.checked < 5) {
        copyCheck.checked++;
        if (sameBytes(pixels(copy), pixels(bitmap))) copyCheck.same++;
      }
      offered.set(tMs, copy);
    }
    return offer.call(this, bitmap, tMs, ...rest);
  };
  const onPose = coach.loop.onPose;
  coach.loop.onPose = (pose) => {
    if (keeping) {
      analysed.push(pose.tMs);
      // The worker answers in order: an earlier copy not analysed by now never will be.
      for (const [t, b] of offered)
        if (t < pose.tMs && !analysed.includes(t)) {
          b.close();
          offered.delete(t);
        }
    }
    onPose(pose);
  };
  const look = () => {
    const video = coach.shadowRoot?.querySelector('video');
    if (!video?.srcObject) {
      setTimeout(look, 5);
      return;
    }
    const onFrame = (_now: number, m: VideoFrameCallbackMetadata) => {
      if (!keeping) return;
      if (m.captureTime !== undefined) captured.push(m.captureTime);
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  look();
}

/** Stops keeping: the stamps analysed, the capture times shown, the copy check. */
export function stopKeeping() {
  keeping = false;
  return { analysed, captured, copyCheck, kept: [...offered.keys()] };
}

/** Hands over given frames, in order, each only once the consumer is done with the last. */
class KeptFrameSource implements FrameSource {
  readonly pacing = 'wait' as const;
  readonly durationMs: number;

  constructor(private readonly frames: SourceFrame[]) {
    this.durationMs = (frames.at(-1)?.tMs ?? 0) + 1;
  }

  async run(
    onFrame: (frame: SourceFrame) => Promise<void>,
    signal?: AbortSignal,
  ): Promise<FrameSourceRun> {
    let taken = 0;
    for (const frame of this.frames) {
      if (signal?.aborted) return { taken, dropped: 0, ended: 'aborted' };
      taken++;
      await onFrame(frame);
    }
    return { taken, dropped: 0, ended: 'end' };
  }
}

export interface ReplayOptions {
  /** Stamps of the frames to replay, in order: every frame the coach analysed up to the session's end. */
  stamps: number[];
  /** The session's first frame's stamp: frames before it only warm the model up, as in setup. */
  sessionFromMs: number;
  engine: EngineSpec;
  exercise: 'seated-twist';
  side: Side;
  holdTargetS: number;
}

/** The kept frames, at their stamps, through the review chain: its SessionReport. */
export async function replayKept(o: ReplayOptions): Promise<SessionReport> {
  const frames = o.stamps.map((tMs) => {
    const bitmap = offered.get(tMs);
    if (!bitmap) throw new Error(`no copy of the frame stamped ${tMs} ms`);
    return { bitmap, tMs };
  });
  const review = await reviewFrames(new KeptFrameSource(frames), 'the camera frames', {
    fromMs: o.sessionFromMs,
    engine: o.engine,
    exercise: o.exercise,
    side: o.side,
    holdTargetS: o.holdTargetS,
  });
  return review.report;
}
