/**
 * The pose worker in Chromium with real models (MediaPipe lite, TensorFlow.js
 * BlazePose lite on wasm, both inside the worker): frames
 * offered while it is busy are dropped (and released at once), never
 * queued; frames sent one after another each come back with their own
 * timestamp and a pose; the main thread has no long task while the model
 * runs; after close() nothing more is taken. Nothing leaves the origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfflineBrowser, openRunContext } from '../support/offline-browser.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import type { WorkerCheck } from './pages/live-worker-harness.ts';

let server: RunningServer;
let browser: OfflineBrowser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await openRunContext(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ENGINES = [
  { engine: 'mediapipe', model: 'lite' },
  { engine: 'tfjs', model: 'blazepose-lite' },
] as const;

describe.each(ENGINES)('pose worker ($engine/$model)', (spec) => {
  let result: WorkerCheck;

  beforeAll(async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/tests/browser/pages/live-worker-harness.html`);
    await page.waitForFunction(() => window.harnessReady === true);
    result = await page.evaluate((s) => window.checkWorker(s), spec);
    console.log(`pose worker: ${JSON.stringify(result)}`);
  }, 120_000);

  it('drops (not queues) frames offered while busy, and releases every one on the page', () => {
    expect(result.engine).toBe(`${spec.engine}/${spec.model}`);
    expect(result.burst).toMatchObject({ offered: 10, sent: 1, dropped: 9, releasedOnPage: 10 });
    expect(result.burst.poseTMs).toBe(1000);
    expect(result.burst.found).toBe(true);
  });

  it('answers each frame sent one after another with its own timestamp and a pose', () => {
    expect(result.sequential.sent).toBe(8);
    expect(result.sequential.found).toBe(8);
    expect(result.sequential.tMsMatch).toBe(true);
    expect(Math.min(...result.sequential.inferenceMs)).toBeGreaterThan(0);
  });

  it('keeps the main thread free while the model runs (no task over 50 ms)', () => {
    expect(result.sequential.longTasks).toBe(0);
  });

  it('searches the turned frames on an empty frame without failing (one engine per orientation)', () => {
    expect(result.empty.error).toBeUndefined();
    expect(result.empty.found).toBe(false);
    expect(result.empty.tried).toBeGreaterThanOrEqual(3); // upright, and both quarter turns
  });

  it('finds a person lying across the frame, in the frame’s own coordinates', () => {
    expect(result.lying.error).toBeUndefined();
    expect(result.lying.found).toBe(true);
    // The picture was turned clockwise: the head is now to the right of the hips.
    expect(result.lying.headRightOfHips).toBe(true);
  });

  it('takes nothing after close(), and still releases the frame', () => {
    expect(result.afterClose).toEqual({ accepted: false, released: true });
  });

  it('sent no request outside the origin', () => {
    expect(browser.offOrigin).toEqual([]);
  });
});
