/**
 * Stopping the pose loop ends every worker it started, including one still
 * loading a model for a restart (a keep-up swap starts its second worker
 * the same way). In Node with a fake Worker at the boundary: before the
 * fix, the loading worker lived on until its model had loaded (seconds on
 * a slow machine), so a stopped coach still held a worker. The real
 * worker is proven in Chromium (tests/browser/live-coach.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PoseLoopController } from '../../src/controllers/pose-loop-controller.ts';
import type { FromWorker } from '../../src/pose/worker/pose-worker-protocol.ts';

/** A worker that answers `start` with `ready` only when told. */
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  started = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: { type: string }): void {
    if (message.type === 'start') this.started = true;
  }
  terminate(): void {
    this.terminated = true;
  }
  ready(): void {
    this.onmessage?.({
      data: {
        type: 'ready',
        engine: 'mediapipe/lite',
        runtime: { backend: 'wasm' },
        loadMs: 1,
      } as unknown as FromWorker,
    } as MessageEvent<FromWorker>);
  }
}

const host = { addController() {}, requestUpdate() {} } as never;
const flush = () => new Promise((r) => setTimeout(r, 0));
let realWorker: unknown;

beforeEach(() => {
  FakeWorker.all = [];
  realWorker = (globalThis as { Worker?: unknown }).Worker;
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = realWorker;
});

describe('PoseLoopController.stop', () => {
  it('ends a worker still loading for a restart at once', async () => {
    const loop = new PoseLoopController(host);
    const loading = loop.load({ engine: 'mediapipe', model: 'lite' } as never);
    FakeWorker.all[0]!.ready();
    const first = await loading;
    // The worker stops answering: the loop restarts it in a second worker, which is still loading.
    first.onStalled();
    await flush();
    expect(FakeWorker.all.length).toBe(2);
    const restart = FakeWorker.all[1]!;
    expect(restart.started).toBe(true);
    expect(restart.terminated).toBe(false);

    loop.stop();
    await flush();
    expect(restart.terminated).toBe(true);
    // It never becomes the loop's worker, even if its model loads after all.
    restart.ready();
    await flush();
    expect(loop.client).toBeUndefined();
  });
});
