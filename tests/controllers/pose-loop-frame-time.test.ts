/**
 * The pose loop stamps each camera frame with its capture time (from the
 * frame's requestVideoFrameCallback metadata), not the moment it grabs it,
 * and takes no frame captured before it was unpaused. In Node with a fake
 * Worker, video and createImageBitmap at the boundary; the real camera is
 * in Chromium (tests/browser/report-equality-live.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PoseLoopController } from '../../src/controllers/pose-loop-controller.ts';
import type { FromWorker, ToWorker } from '../../src/pose/worker/pose-worker-protocol.ts';

class FakeWorker {
  static last: FakeWorker | undefined;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly frames: number[] = [];
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: ToWorker): void {
    if (message.type === 'start')
      queueMicrotask(() =>
        this.answer({
          type: 'ready',
          engine: 'mediapipe/lite',
          runtime: { backend: 'wasm' },
          loadMs: 1,
        } as FromWorker),
      );
    if (message.type === 'frame') {
      this.frames.push(message.tMs);
      // Analysed at once, so the worker is free for the next frame.
      queueMicrotask(() =>
        this.answer({
          type: 'pose',
          id: message.id,
          tMs: message.tMs,
          frame: null,
          usable: false,
          orientation: 0,
          tried: 1,
          inferenceMs: 1,
        } as FromWorker),
      );
    }
  }
  terminate(): void {}
  private answer(data: FromWorker) {
    this.onmessage?.({ data } as MessageEvent<FromWorker>);
  }
}

/** A <video> whose frames the test presents, with the metadata it chooses. */
class FakeVideo {
  readyState = 4;
  videoWidth = 640;
  videoHeight = 360;
  /** Media time of the frame it shows now, µs (what a VideoFrame made from it says). */
  currentMediaUs = 0;
  private callback: VideoFrameRequestCallback | undefined;
  requestVideoFrameCallback(cb: VideoFrameRequestCallback): number {
    this.callback = cb;
    return 1;
  }
  cancelVideoFrameCallback(): void {
    this.callback = undefined;
  }
  present(metadata: Partial<VideoFrameCallbackMetadata>) {
    this.callback?.(performance.now(), metadata as VideoFrameCallbackMetadata);
  }
}

const host = { addController() {}, requestUpdate() {} } as never;
const flush = () => new Promise((r) => setTimeout(r, 0));
const saved: Record<string, unknown> = {};

beforeEach(() => {
  const g = globalThis as Record<string, unknown>;
  saved.Worker = g.Worker;
  saved.createImageBitmap = g.createImageBitmap;
  saved.VideoFrame = g.VideoFrame;
  g.VideoFrame = class {
    readonly timestamp: number;
    constructor(video: FakeVideo) {
      this.timestamp = video.currentMediaUs;
    }
    close() {}
  };
  g.Worker = FakeWorker;
  g.createImageBitmap = async () => ({ close() {} });
});
afterEach(() => {
  Object.assign(globalThis, saved);
});

async function loopOnVideo() {
  const loop = new PoseLoopController(host);
  await loop.load({ engine: 'mediapipe', model: 'lite' } as never);
  const video = new FakeVideo();
  loop.attach(video as unknown as HTMLVideoElement);
  return { loop, video, worker: FakeWorker.last! };
}

describe('PoseLoopController frame times', () => {
  it('stamps a frame with its capture time, grabbed however late', async () => {
    const { loop, video, worker } = await loopOnVideo();
    const captured = performance.now() - 180; // a busy main thread: shown 180 ms after capture
    video.currentMediaUs = 4_000_000;
    video.present({ captureTime: captured, presentationTime: captured + 5, mediaTime: 4 });
    await flush();
    expect(worker.frames).toEqual([captured]);
    // No metadata to go by (the requestAnimationFrame path): the grab's time.
    const before = performance.now();
    video.present({});
    await flush();
    expect(worker.frames[1]).toBeGreaterThanOrEqual(before);
    loop.stop();
  });

  it('stamps a newer frame than the callback’s, grabbed late, with its own capture time', async () => {
    const { loop, video, worker } = await loopOnVideo();
    const captured = performance.now() - 250;
    video.currentMediaUs = 4_100_000; // the camera's next frame, 100 ms on, is the one shown now
    video.present({ captureTime: captured, mediaTime: 4 });
    await flush();
    expect(worker.frames[0]).toBeCloseTo(captured + 100, 6);
    loop.stop();
  });

  it('takes no frame captured before the loop was unpaused', async () => {
    const { loop, video, worker } = await loopOnVideo();
    loop.paused = true;
    const duringPause = performance.now();
    await new Promise((r) => setTimeout(r, 5));
    loop.paused = false;
    video.present({ captureTime: duringPause });
    await flush();
    expect(worker.frames).toEqual([]);
    const after = performance.now();
    video.present({ captureTime: after });
    await flush();
    expect(worker.frames).toEqual([after]);
    loop.stop();
  });
});
