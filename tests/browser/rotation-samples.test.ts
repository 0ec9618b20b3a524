/**
 * The training-data page for the torso-rotation network: renders random
 * seated twists and runs the real MediaPipe model on each picture. Seeded:
 * the same seed gives the same twists. Three samples keep it to seconds.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUsablePose } from '../../src/core/usable-pose.ts';
import { type OfflineBrowser, openRunContext } from '../support/offline-browser.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';

let server: RunningServer;
let browser: OfflineBrowser;
let page: Page;

beforeAll(async () => {
  server = await startDevServer();
  browser = await openRunContext(server.url);
  page = await browser.context.newPage();
  await page.goto(`${server.url}/tests/tools/sample-page/index.html`);
  await page.waitForFunction(() => window.sampler?.ready === true, undefined, { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const sample = (seed: number) =>
  page.evaluate(
    ([s]) => window.sampler.detectedSamples({ engine: 'mediapipe', model: 'lite' }, 3, s),
    [seed] as const,
  );

describe('rotation training samples', () => {
  it('gives usable detector frames with the true rotation, the same for the same seed', async () => {
    const first = await sample(42);
    expect(first.length).toBeGreaterThanOrEqual(2);
    for (const s of first) {
      expect(isUsablePose(s.frame)).toBe(true);
      expect(Math.abs(s.rotationDeg)).toBeLessThanOrEqual(60);
    }
    const again = await sample(42);
    expect(again.map((s) => s.rotationDeg)).toEqual(first.map((s) => s.rotationDeg));
    expect(browser.offOrigin).toEqual([]);
  });
});
