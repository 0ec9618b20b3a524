/**
 * Offline and installable, on the production build (`vite build`) served by
 * a plain static server that sends the preview's headers (COOP/COEP, CSP)
 * and counts what it sends:
 * - first visit: the service worker installs, precaches and takes control;
 *   the web app manifest and its icons are served;
 * - second visit: a live session (MediaPipe lite in the worker, fake camera
 *   clip) starts while the server sends almost nothing (the models and wasm
 *   come from the service worker's cache): bytes measured;
 * - the Engine check runs in the pose worker on the precached wasm; the
 *   page-side wasm is never fetched;
 * - offline: the browser set offline, every request routed to abort and the
 *   server shut down; a reload starts the app, a live session still runs,
 *   and so does the Engine check;
 * - a corrupt wasm served by the host: the Engine check names the file and
 *   the rebuild command.
 * No request leaves the origin at any point (the context logs and refuses them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../vite.config.ts';
import { type BareServer, startBareStaticServer } from '../support/bare-static-server.ts';
import {
  type OfflineBrowser,
  openOfflineBrowser,
  openRunContext,
} from '../support/offline-browser.ts';
import { passSafetyScreen } from '../support/safety-screen.ts';
import { type AppBuild, buildApp } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { fakeCameraArgs, reachLive, SCREENSHOTS, skeletonPixels } from './live-coach-page.ts';

const CLIP = 'child-hips-not-back-side-female';
const WORKER_WASM = '/wasm/mediapipe/vision_wasm_module_internal.wasm';
const PAGE_WASM = '/wasm/mediapipe/vision_wasm_internal.wasm';
const LITE = '/models/pose_landmarker_lite.task';

let build: AppBuild;
let server: BareServer;
let browser: OfflineBrowser;

/** Bytes the server sent for these requests (whole files: it answers no ranges). */
function bytesServed(root: string, paths: readonly string[]): number {
  let total = 0;
  for (const p of paths) {
    try {
      total += statSync(join(root, p.endsWith('/') ? `${p}index.html` : p)).size;
    } catch {
      // a 404 sends a few bytes; not counted
    }
  }
  return total;
}

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() =>
    localStorage.setItem(
      'spinewise.coach-settings',
      JSON.stringify({ engine: 'mediapipe/lite', voice: { enabled: false } }),
    ),
  );
  return { page, errors };
}

/** From the app's start to a live session with the skeleton drawn. */
async function runLiveSession(page: Page, name: string): Promise<void> {
  try {
    await startLive(page);
  } catch (e) {
    await page.screenshot({ path: join(SCREENSHOTS, `offline-${name}.png`) }).catch(() => {});
    // The app is shadow DOM throughout; the accessibility tree reads through it.
    const text = await page
      .locator('body')
      .ariaSnapshot()
      .catch(() => '');
    throw new Error(`${(e as Error).message}\npage text: ${text.slice(0, 1500)}`);
  }
}

async function startLive(page: Page): Promise<void> {
  await passSafetyScreen(page);
  await page.getByTestId('choose-childs-pose').click();
  await page.getByTestId('start-camera').click();
  await page.getByTestId('setup-checks').waitFor({ timeout: 120_000 });
  await reachLive(page, 30_000);
  await expect
    .poll(() => page.getByTestId('status-line').textContent(), { timeout: 60_000 })
    .toMatch(/mediapipe\/lite/);
  await expect.poll(() => skeletonPixels(page), { timeout: 60_000 }).toBeGreaterThan(500);
}

/** The Engine check on the bundled picture with MediaPipe lite (page-side wasm). */
async function runEngineCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Engine check' }).click();
  await page.getByTestId('engine').selectOption({ label: 'MediaPipe · lite' });
  await page.getByTestId('run').click();
  await page.getByTestId('result').waitFor({ timeout: 120_000 });
  expect(await page.getByTestId('person').textContent()).toMatch(/^found/);
}

beforeAll(async () => {
  const clip = await cameraClip(CLIP);
  build = await buildApp();
  server = await startBareStaticServer(build.outDir, { headers: SECURITY_HEADERS });
  browser = await openOfflineBrowser(server.url, { args: fakeCameraArgs(clip) });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  build?.remove();
});

describe('offline and installable (production build)', () => {
  it('first visit: the service worker precaches the app, the default model and its wasm, and takes control', async () => {
    const { page, errors } = await openPage();
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 120_000,
    });
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      }
      return urls;
    });
    for (const path of ['/index.html', LITE, WORKER_WASM, '/models/manifest.json']) {
      expect(cached, path).toContain(path);
    }
    expect(cached.some((p) => /^\/assets\/index-.+\.js$/.test(p))).toBe(true);
    // The heavy model is not precached (cached on first use only).
    expect(cached).not.toContain('/models/pose_landmarker_heavy.task');

    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBe('/manifest.webmanifest');
    const manifest = JSON.parse(readFileSync(join(build.outDir, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({
      short_name: 'Spinewise',
      display: 'standalone',
      start_url: '/',
    });
    const sizes = (manifest.icons as { sizes: string; src: string }[]).map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', 'any']));
    const icons = await page.evaluate(
      async (srcs) =>
        Promise.all(
          srcs.map(async (s) => {
            const r = await fetch(s);
            return `${r.status} ${r.headers.get('content-type')}`;
          }),
        ),
      (manifest.icons as { src: string }[]).map((i) => i.src),
    );
    expect(icons.every((i) => /^200 image\/(png|svg\+xml)/.test(i))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('second visit: a live session starts with the models and wasm from the cache, not the server', async () => {
    const firstVisitBytes = bytesServed(build.outDir, server.requested);
    server.requested.length = 0;
    const { page, errors } = await openPage();
    await page.goto(server.url);
    await runLiveSession(page, 'second-visit');
    const again = [...server.requested];
    const secondVisitBytes = bytesServed(build.outDir, again);
    console.log(
      `offline.test: first visit ${(firstVisitBytes / 1e6).toFixed(1)} MB served, ` +
        `second visit with a live session ${(secondVisitBytes / 1e3).toFixed(1)} kB (${again.length} requests: ${again.join(', ')})`,
    );
    expect(firstVisitBytes).toBeGreaterThan(18e6);
    // Only the worker's update check (twice: page load and registration) may reach the server.
    expect(again.filter((p) => p !== '/service-worker.js')).toEqual([]);
    expect(secondVisitBytes).toBeLessThan(100e3);
    expect(browser.offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    await page.getByTestId('stop').click();
    await page.getByTestId('summary').waitFor({ timeout: 60_000 });
    await page.close();
  });

  it('the Engine check runs in the pose worker on the precached wasm; the page-side wasm is never fetched', async () => {
    const { page, errors } = await openPage();
    const requested: string[] = [];
    const log = (r: Request) => requested.push(new URL(r.url()).pathname);
    browser.context.on('request', log);
    try {
      await page.goto(server.url);
      await runEngineCheck(page);
    } finally {
      browser.context.off('request', log);
    }
    expect(requested).not.toContain(PAGE_WASM);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain(WORKER_WASM);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offline (browser offline, every request aborted, server gone): a reload starts the app and a session runs', async () => {
    await browser.context.setOffline(true);
    const reached: string[] = [];
    await browser.context.route('**/*', (route) => {
      reached.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await server.close();
    const { page, errors } = await openPage();
    await page.goto(server.url);
    await runLiveSession(page, 'offline');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.getByTestId('stop').click();
    await page.getByTestId('summary').waitFor({ timeout: 60_000 });
    // The Engine check too, from what its first use cached.
    await runEngineCheck(page);
    expect(browser.offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    console.log(`offline.test: requests that reached the (aborting) network: ${reached.length}`);
    await page.close();
  });
});

describe('wasm checked against the manifest (production build)', () => {
  it('a corrupt wasm from the host: the Engine check names the file and the rebuild command', async () => {
    // What a broken copy or a failed upload leaves: a few bytes where 13 MB belong.
    const bad = await startBareStaticServer(build.outDir, {
      headers: SECURITY_HEADERS,
      extra: { [WORKER_WASM]: 'not the wasm the manifest lists' },
    });
    const other = await openRunContext(bad.url);
    try {
      const page = await other.context.newPage();
      await page.goto(bad.url);
      await page.getByRole('button', { name: 'Engine check' }).click();
      await page.getByTestId('engine').selectOption({ label: 'MediaPipe · lite' });
      await page.getByTestId('run').click();
      await expect
        .poll(() => page.getByTestId('error').textContent(), { timeout: 120_000 })
        .toMatch(
          /"\/wasm\/mediapipe\/vision_wasm_module_internal\.wasm" is 31 bytes, expected \d{8} \(truncated or corrupt\)\. Rebuild the models with `npm run models`\./,
        );
      expect(other.offOrigin).toEqual([]);
    } finally {
      await other.close();
      await bad.close();
    }
  });
});

/** How long the WebGL check may take on software GL, ms. */
const SOFTWARE_GL_MS = 900_000;

describe('lean bundle (production build)', () => {
  it('no licence comments in any chunk; one licence file names every bundled package', () => {
    const assets = join(build.outDir, 'assets');
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(5);
    for (const f of chunks) {
      expect(readFileSync(join(assets, f), 'utf8').includes('@license'), f).toBe(false);
    }
    const licences = readFileSync(join(build.outDir, 'third-party-licences.txt'), 'utf8');
    for (const pkg of ['@mediapipe/tasks-vision@', '@tensorflow/tfjs-core@', 'lit@', 'idb@']) {
      expect(licences, pkg).toContain(pkg);
    }
    expect(licences).toContain('Apache License');
  });

  // WebGL here is SwiftShader (software GL): BlazePose lite takes seconds a frame, and at load 15 the
  // check ran past a 120 s wait, so it waits as long as it takes (a check that never ends still fails).
  it('tfjs’s WebGL backend is fetched only when WebGL is chosen, and then runs', {
    timeout: 1_200_000,
  }, async () => {
    const quiet = await startBareStaticServer(build.outDir, { headers: SECURITY_HEADERS });
    const other = await openRunContext(quiet.url);
    try {
      const page = await other.context.newPage();
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(quiet.url);
      await page.getByRole('button', { name: 'Engine check' }).click();
      await page.getByTestId('engine').selectOption({ label: 'TensorFlow.js · BlazePose lite' });
      await page.getByTestId('run').click();
      await page.getByTestId('result').waitFor({ timeout: SOFTWARE_GL_MS });
      expect(await page.getByTestId('backend').textContent()).toBe('wasm');
      const beforeWebgl = [...scripts];
      expect(beforeWebgl.some((p) => p.includes('tfjs-engine'))).toBe(true);

      await page.getByTestId('backend-choice').selectOption('webgl');
      await page.getByTestId('run').click();
      await expect
        .poll(() => page.getByTestId('backend').textContent(), { timeout: SOFTWARE_GL_MS })
        .toMatch(/^(webgl|cpu)$/);
      // Each check starts a fresh worker, which fetches its chunks again:
      // only scripts not seen before count. One is new, the WebGL backend
      // (its name is the folder it comes from: `dist`).
      const added = [...new Set(scripts.slice(beforeWebgl.length))].filter(
        (p) => !beforeWebgl.includes(p),
      );
      expect(added.length, added.join(', ')).toBe(1);
      const chunk = readFileSync(join(build.outDir, added[0]!), 'utf8');
      expect(chunk).toContain('webgl');
      expect(other.offOrigin).toEqual([]);
    } finally {
      await other.close();
      await quiet.close();
    }
  });
});
