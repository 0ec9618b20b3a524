/**
 * The app in Chromium, from the dev server (`npm start`) and from the
 * production build (`vite build` + preview): headers, CSP, the views of the
 * shell, the engine check's real run that draws landmarks, a missing model,
 * and zero outside requests.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfflineBrowser, openRunContext } from '../support/offline-browser.ts';
import {
  PROJECT_ROOT,
  type RunningServer,
  startBuiltPreview,
  startDevServer,
} from '../support/vite-server.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Pixels of the skeleton colour on the result canvas: proof that landmarks were drawn. */
async function skeletonPixels(page: Page): Promise<number> {
  return page.locator('sw-pose-check canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        Math.abs(data[i]! - 0x0b) < 12 &&
        Math.abs(data[i + 1]! - 0x7a) < 12 &&
        Math.abs(data[i + 2]! - 0x75) < 12
      )
        n++;
    }
    return n;
  });
}

/** The engine check lives in its own view, away from the safety-gated stretches. */
async function openEngineCheck(page: Page) {
  await page.getByRole('button', { name: 'Engine check' }).click();
  await page.getByRole('heading', { name: 'Pose engine check' }).waitFor();
}

async function runCheck(page: Page, label: string) {
  await page.getByLabel('Engine and model').selectOption({ label });
  await page.getByTestId('run').click();
  await page.getByTestId('result').or(page.getByTestId('error')).waitFor({ timeout: 120_000 });
}

function expectSealedHeaders(headers: Record<string, string>) {
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
  expect(csp).not.toMatch(/https?:/);
}

describe('pose check on the dev server', () => {
  let server: RunningServer;
  let browser: OfflineBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startDevServer();
    browser = await openRunContext(server.url);
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is served sealed and cross-origin isolated', async () => {
    const res = await page.goto(server.url);
    expectSealedHeaders(res!.headers());
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
    // A first visit opens on the safety screening; the camera is behind it.
    await page.locator('sw-screening').waitFor();
    expect(await page.locator('sw-live-coach').count()).toBe(0);
    await openEngineCheck(page);
    expect(
      await page.getByRole('button', { name: 'Engine check' }).getAttribute('aria-current'),
    ).toBe('page');
  });

  it('runs MediaPipe lite on the test picture, draws the landmarks and shows the timings', async () => {
    await runCheck(page, 'MediaPipe · lite');
    expect(await page.getByTestId('person').textContent()).toMatch(/^found, \d+ landmarks/);
    expect(await page.getByTestId('load-ms').textContent()).toMatch(/^\d+ ms$/);
    expect(await page.getByTestId('inference-ms').textContent()).toMatch(/^\d+ ms$/);
    expect(await skeletonPixels(page)).toBeGreaterThan(200);
    await page.screenshot({
      path: join(SCREENSHOTS, 'pose-check-mediapipe-lite.png'),
      fullPage: true,
    });
  });

  it('runs TensorFlow.js MoveNet Lightning the same way', async () => {
    await runCheck(page, 'TensorFlow.js · MoveNet Lightning');
    expect(await page.getByTestId('backend').textContent()).toBe('wasm');
    expect(await page.getByTestId('person').textContent()).toMatch(/^found/);
    expect(await skeletonPixels(page)).toBeGreaterThan(200);
    await page.screenshot({
      path: join(SCREENSHOTS, 'pose-check-tfjs-movenet.png'),
      fullPage: true,
    });
  });

  it('names the missing model file and the command that rebuilds it', async () => {
    await page.route('**/models/pose_landmarker_full.task', (route) =>
      route.fulfill({ status: 404, body: '' }),
    );
    await runCheck(page, 'MediaPipe · full');
    expect(await page.getByTestId('error').textContent()).toBe(
      'Model file "models/pose_landmarker_full.task" was not found. Rebuild the models with `npm run models`.',
    );
    await page.screenshot({
      path: join(SCREENSHOTS, 'pose-check-missing-model.png'),
      fullPage: true,
    });
    await page.unroute('**/models/pose_landmarker_full.task');
  });

  it('never sent a request outside the origin', () => {
    expect(browser.offOrigin).toEqual([]);
  });
});

describe('pose check in the production build', () => {
  let server: RunningServer;
  let url: string;
  let browser: OfflineBrowser;

  beforeAll(async () => {
    server = await startBuiltPreview();
    url = server.url;
    browser = await openRunContext(url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends the same headers, carries the CSP in the page, and runs a model offline', async () => {
    const page = await browser.context.newPage();
    const res = await page.goto(url);
    expectSealedHeaders(res!.headers());
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toContain("connect-src 'self'");
    await openEngineCheck(page);
    await runCheck(page, 'MediaPipe · lite');
    expect(await page.getByTestId('person').textContent()).toMatch(/^found/);
    expect(browser.offOrigin).toEqual([]);
  });

  it('does not ship the GPL test-scene code or the legacy MediaPipe runtime', async () => {
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('.js')) scripts.push(await r.text());
    });
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    const all = scripts.join('\n');
    expect(all.length).toBeGreaterThan(1000);
    expect(all).not.toMatch(/mannequin/i);
    expect(all).not.toContain('pose_solution_packed_assets');
  });
});
