/**
 * The pose worker's WebGL watch (src/pose/worker/gpu-context-watch.ts) on a
 * real WebGL2 context in a real worker (Chromium's SwiftShader here): a
 * context lost once the engine is ready is reported once, one lost while
 * loading (the software-WebGL probe) is not. The loop's side (moving the
 * engine to the CPU, the message, the session going on) is tested in
 * tests/browser/session-faults.test.ts.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage } from '../support/app-page.ts';
import type { OfflineBrowser } from '../support/offline-browser.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';

let server: RunningServer;
let browser: OfflineBrowser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startDevServer();
  ({ browser, page, errors } = await openAppPage(server.url));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the WebGL watch in a worker', () => {
  it('reports a context lost after arming, once; not the probe lost while loading', async () => {
    await page.goto(`${server.url}/tests/browser/pages/live-coach-harness.html`);
    const seen = await page.evaluate(async () => {
      const messages: unknown[] = [];
      const worker = new Worker('/tests/browser/pages/gpu-watch-worker.ts', { type: 'module' });
      const next = (type: string) =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ${type} message`)), 60_000);
          worker.addEventListener('message', function on(e: MessageEvent) {
            messages.push(e.data);
            if (e.data.type !== type) return;
            clearTimeout(timer);
            worker.removeEventListener('message', on);
            resolve(e.data);
          });
        });
      await next('started');
      // The probe's loss (before arming) has had time to arrive by now.
      await new Promise((r) => setTimeout(r, 500));
      worker.postMessage('arm');
      const armed = await next('armed');
      worker.postMessage('lose');
      const lost = await next('gpu-lost');
      worker.postMessage('lose'); // a second loss of the same context says nothing more
      await new Promise((r) => setTimeout(r, 500));
      worker.terminate();
      return { armed, lost, messages };
    });
    expect(seen.armed).toEqual({ type: 'armed', contexts: 2, webgl2: true });
    expect(seen.lost).toEqual({ type: 'gpu-lost', message: 'the graphics context was lost' });
    expect(seen.messages.filter((m) => (m as { type: string }).type === 'gpu-lost')).toHaveLength(
      1,
    );
    expect(browser.offOrigin).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
