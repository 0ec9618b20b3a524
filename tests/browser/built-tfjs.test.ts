/**
 * TensorFlow.js in the production build (`vite build`), served with the
 * preview's headers (COOP/COEP and the CSP: cross-origin isolated, so
 * tfjs's wasm backend runs threaded, the path the minifier used to break
 * with "e is not defined at WasmBackendModuleThreadedSimd") and on a bare
 * static host (no headers: single-threaded wasm). In each, BlazePose lite
 * on wasm loads in the pose worker and gives poses on a fake camera
 * playing a rendered clip. Then Automatic with MediaPipe's model files
 * missing (404): it falls back to TensorFlow.js and the coach runs.
 * The Engine check view runs the same engine on the page's own thread on
 * its bundled picture. Nothing leaves the origin; no worker logs an error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LiveCoach } from '../../src/ui/live-session/live-coach.ts';
import { SECURITY_HEADERS } from '../../vite.config.ts';
import { type BareServer, startBareStaticServer } from '../support/bare-static-server.ts';
import { launchSharedChromium } from '../support/chromium.ts';
import { type OfflineBrowser, openOfflineContext } from '../support/offline-browser.ts';
import { passSafetyScreen } from '../support/safety-screen.ts';
import { type AppBuild, buildApp } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { fakeCameraArgs, reachLive, skeletonPixels } from './live-coach-page.ts';

const CLIP = 'child-hips-not-back-side-female';
/** MediaPipe's model bundles; hidden (404) to make Automatic fall back. */
const MEDIAPIPE_MODEL = /^\/models\/pose_landmarker_[a-z]+\.task$/;

let build: AppBuild;
let isolated: BareServer;
let bare: BareServer;
let hideMediaPipe = false;
/** One Chromium for the file (every test plays the same clip), a fresh context per test. */
let chromium: Browser;
/** The running test's context, closed after it (its camera and model stop with it). */
let current: OfflineBrowser | undefined;

beforeAll(async () => {
  const clip = await cameraClip(CLIP);
  chromium = await launchSharedChromium(fakeCameraArgs(clip));
  build = await buildApp();
  isolated = await startBareStaticServer(build.outDir, {
    headers: SECURITY_HEADERS,
    missing: (path) => hideMediaPipe && MEDIAPIPE_MODEL.test(path),
  });
  bare = await startBareStaticServer(build.outDir);
}, 180_000);

afterEach(async () => {
  await current?.close();
  current = undefined;
});

afterAll(async () => {
  await chromium?.close();
  await isolated?.close();
  await bare?.close();
  build?.remove();
});

interface Run {
  page: Page;
  browser: OfflineBrowser;
  /** Page errors, and console errors from the page or any of its workers. */
  errors: string[];
}

/** The app through the safety gate to the live coach on child's pose, with these settings. */
async function coach(url: string, settings: Record<string, unknown>): Promise<Run> {
  const browser = await openOfflineContext(chromium, url);
  current = browser;
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.worker() ? 'worker' : 'page'}: ${m.text()}`);
  });
  await page.addInitScript(
    (s) => localStorage.setItem('spinewise.coach-settings', JSON.stringify(s)),
    settings,
  );
  await page.goto(url);
  await passSafetyScreen(page);
  await page.getByTestId('choose-childs-pose').click();
  await page.getByTestId('start-camera').click();
  return { page, browser, errors };
}

/** Waits for the model to run on the camera: the status line names it, the skeleton is drawn. */
async function expectPoses(run: Run, status: RegExp) {
  const { page } = run;
  const failed = page.getByTestId('engine-error');
  await page.getByTestId('setup-checks').or(failed).first().waitFor({ timeout: 120_000 });
  if (await failed.isVisible()) {
    throw new Error(
      `the engine did not start: ${await failed.textContent()} | ${run.errors.join(' | ')}`,
    );
  }
  await expect
    .poll(() => page.getByTestId('status-line').textContent(), { timeout: 30_000 })
    .toMatch(status);
  await expect.poll(() => skeletonPixels(page), { timeout: 30_000 }).toBeGreaterThan(500);
  await reachLive(page, 30_000);
  // The locator reaches into the app's shadow root, where the coach lives.
  const coachElement = page.locator('sw-live-coach');
  const poses = () => coachElement.evaluate((c) => (c as LiveCoach).measures.poses);
  await expect.poll(poses, { timeout: 30_000 }).toBeGreaterThan(5);
}

/** Workers started from blob: URLs: tfjs's wasm pthreads (nothing else in the app makes them). */
function pthreads(page: Page): number {
  return page.workers().filter((w) => w.url().startsWith('blob:')).length;
}

const TFJS_WASM = { engine: 'tfjs/blazepose-lite', backend: 'wasm', voice: { enabled: false } };

describe('TensorFlow.js in the production build', () => {
  it('BlazePose lite on multi-threaded wasm (cross-origin isolated) gives poses', async () => {
    const run = await coach(isolated.url, TFJS_WASM);
    expect(await run.page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    await expectPoses(run, /tfjs\/blazepose-lite \(wasm\)/);
    // tfjs's pthread workers (started from blob: URLs) are up, and none failed.
    expect(pthreads(run.page)).toBeGreaterThan(0);
    expect(run.errors).toEqual([]);
    expect(run.browser.offOrigin).toEqual([]);
  });

  it('BlazePose lite on single-threaded wasm (a bare static host) gives poses', async () => {
    const run = await coach(bare.url, TFJS_WASM);
    expect(await run.page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    await expectPoses(run, /tfjs\/blazepose-lite \(wasm\)/);
    expect(pthreads(run.page)).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.browser.offOrigin).toEqual([]);
  });

  it('Automatic falls back to TensorFlow.js when MediaPipe’s models will not load', async () => {
    hideMediaPipe = true;
    try {
      const run = await coach(isolated.url, { engine: 'auto', voice: { enabled: false } });
      await expectPoses(run, /tfjs\/blazepose-lite \(wasm\)/);
      await expect
        .poll(() => run.page.getByTestId('engine-note').textContent())
        .toContain('MediaPipe would not load');
      expect(isolated.requested.some((p) => MEDIAPIPE_MODEL.test(p))).toBe(true);
      expect(run.browser.offOrigin).toEqual([]);
      // The missing files are reported (console errors for the 404s), nothing else.
      expect(run.errors.filter((e) => !e.includes('404'))).toEqual([]);
    } finally {
      hideMediaPipe = false;
    }
  });

  it('the Engine check runs BlazePose lite on threaded wasm in the pose worker and finds the person', async () => {
    const browser = await openOfflineContext(chromium, isolated.url);
    current = browser;
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // The check's worker, and its pthreads with it, close once it answers: count them as they start.
    const threads = new Set<string>();
    page.on('worker', (w) => {
      if (w.url().startsWith('blob:')) threads.add(w.url());
    });
    await page.goto(isolated.url);
    await page.getByRole('button', { name: 'Engine check' }).click();
    await page.getByTestId('engine').selectOption({ label: 'TensorFlow.js · BlazePose lite' });
    await page.getByTestId('run').click();
    const result = page.getByTestId('result').or(page.getByTestId('error'));
    await result.first().waitFor({ timeout: 120_000 });
    expect(
      await page.getByTestId('error').count(),
      (await result.first().textContent()) ?? '',
    ).toBe(0);
    expect(await page.getByTestId('backend').textContent()).toBe('wasm');
    expect(await page.getByTestId('person').textContent()).toMatch(/^found/);
    expect(threads.size).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(browser.offOrigin).toEqual([]);
  });
});
