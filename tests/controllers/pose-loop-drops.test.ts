/**
 * The pose loop keeps one frame in flight: a frame arriving while its
 * worker is busy is dropped and counted on that worker, none is taken
 * while paused, a frame grabbed for a worker that was swapped out
 * meanwhile goes to no worker, and detaching cancels the frame callback.
 * In Node with a fake Worker, video and createImageBitmap at the boundary;
 * the real camera is in Chromium (tests/browser/live-coach.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PoseLoopController } from '../../src/controllers/pose-loop-controller.ts';
import type { FromWorker, ToWorker } from '../../src/pose/worker/pose-worker-protocol.ts';

/** A worker that is ready at once and answers a frame only when told. */
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly frames: { id: number; tMs: number }[] = [];
  constructor() {
    FakeWorker.all.push(this);
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
    if (message.type === 'frame') this.frames.push({ id: message.id, tMs: message.tMs });
  }
  terminate(): void {}
  /** Answers the last frame sent. */
  analysed(): void {
    const f = this.frames.at(-1)!;
    this.answer({
      type: 'pose',
      id: f.id,
      tMs: f.tMs,
      frame: null,
      usable: false,
      orientation: 0,
      tried: 1,
      inferenceMs: 1,
    } as FromWorker);
  }
  private answer(data: FromWorker) {
    this.onmessage?.({ data } as MessageEvent<FromWorker>);
  }
}

class FakeVideo {
  readyState = 4;
  videoWidth = 640;
  videoHeight = 360;
  callback: VideoFrameRequestCallback | undefined;
  requestVideoFrameCallback(cb: VideoFrameRequestCallback): number {
    this.callback = cb;
    return 1;
  }
  cancelVideoFrameCallback(): void {
    this.callback = undefined;
  }
  present() {
    this.callback?.(performance.now(), {} as VideoFrameCallbackMetadata);
  }
}

const host = { addController() {}, requestUpdate() {} } as never;
const flush = () => new Promise((r) => setTimeout(r, 0));
const saved: Record<string, unknown> = {};
/** Grabs held until the test resolves them (when `holdGrabs`). */
let grabs: ((b: { close(): void }) => void)[] = [];
let holdGrabs = false;

beforeEach(() => {
  const g = globalThis as Record<string, unknown>;
  saved.Worker = g.Worker;
  saved.createImageBitmap = g.createImageBitmap;
  saved.VideoFrame = g.VideoFrame;
  FakeWorker.all = [];
  grabs = [];
  holdGrabs = false;
  g.VideoFrame = undefined;
  g.Worker = FakeWorker;
  g.createImageBitmap = () =>
    holdGrabs ? new Promise((resolve) => grabs.push(resolve)) : Promise.resolve({ close() {} });
});
afterEach(() => {
  Object.assign(globalThis, saved);
});

async function loopOnVideo() {
  const loop = new PoseLoopController(host);
  const client = await loop.load({ engine: 'mediapipe', model: 'lite' } as never);
  const video = new FakeVideo();
  loop.attach(video as unknown as HTMLVideoElement);
  return { loop, video, client, worker: FakeWorker.all[0]! };
}

describe('PoseLoopController pacing', () => {
  it('drops frames while its worker is busy, counted on the worker, none while paused', async () => {
    const { loop, video, client, worker } = await loopOnVideo();
    video.present();
    await flush();
    expect(worker.frames).toHaveLength(1);
    video.present();
    video.present();
    await flush();
    expect(worker.frames).toHaveLength(1);
    expect(client.dropped).toBe(2);
    worker.analysed();
    loop.paused = true;
    video.present();
    await flush();
    expect(worker.frames).toHaveLength(1);
    expect(client.dropped).toBe(2);
    loop.paused = false;
    video.present();
    await flush();
    expect(worker.frames).toHaveLength(2);
    loop.stop();
  });

  it('gives a frame grabbed before its worker was swapped to no worker', async () => {
    const { loop, video, client } = await loopOnVideo();
    holdGrabs = true;
    video.present();
    // The worker stops answering: the loop restarts it (ready at once).
    client.onStalled();
    await flush();
    const fresh = FakeWorker.all[1]!;
    expect(loop.client).not.toBe(client);
    let closed = false;
    grabs[0]!({
      close() {
        closed = true;
      },
    });
    await flush();
    expect(closed).toBe(true);
    expect(fresh.frames).toHaveLength(0);
    // The next frame goes to the fresh worker.
    holdGrabs = false;
    video.present();
    await flush();
    expect(fresh.frames).toHaveLength(1);
    loop.stop();
  });

  it('cancels the frame callback when detached', async () => {
    const { loop, video, worker } = await loopOnVideo();
    expect(video.callback).toBeDefined();
    loop.detach();
    expect(video.callback).toBeUndefined();
    video.present();
    await flush();
    expect(worker.frames).toHaveLength(0);
    loop.stop();
  });
});
