/**
 * The production build on a bare static host (no CSP header, no COOP/COEP:
 * tests/support/bare-static-server.ts). The page's `<meta>` CSP does not
 * reach the pose worker there, so the worker must seal itself
 * (src/pose/worker/seal-worker-network.ts). Every request of the page and
 * its workers is logged by the browser context (refused if it leaves the
 * origin); a control worker without the seal proves the log sees worker
 * requests. Then a real session on MediaPipe lite: an off-origin fetch, XHR
 * and MediaPipe's own usage-log POST (sent when the landmarker closes, at
 * Stop) are all refused inside the worker, a same-origin fetch passes, and
 * no request leaves the origin during the session or after it. Last, the
 * Engine check (MediaPipe lite on the page's bundled picture): it runs in
 * the pose worker too (the page never loads MediaPipe's wasm), its usage
 * log, flushed when the check ends its worker, is refused there, and the
 * page's own `<meta>` CSP still refuses an off-origin fetch from the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BareServer, startBareStaticServer } from '../support/bare-static-server.ts';
import { type OfflineBrowser, openOfflineBrowser } from '../support/offline-browser.ts';
import { passSafetyScreen } from '../support/safety-screen.ts';
import { type AppBuild, buildApp } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { fakeCameraArgs, reachLive, skeletonPixels } from './live-coach-page.ts';

const CLIP = 'child-hips-not-back-side-female';
/** MediaPipe's usage-log endpoint (tasks-vision 1.1.0), the request this is all about. */
const USAGE_LOG = 'https://odml.pa.googleapis.com/v1/log';
/** A same-origin worker WITHOUT the seal: what any worker's fetch does on this host. */
const PROBE_WORKER = `fetch('https://probe.invalid/control').then(
  () => postMessage('sent'), (e) => postMessage('failed: ' + e.message));`;

let build: AppBuild;
let server: BareServer;
let browser: OfflineBrowser;

beforeAll(async () => {
  const clip = await cameraClip(CLIP);
  build = await buildApp();
  server = await startBareStaticServer(build.outDir, {
    extra: { '/probe-worker.js': PROBE_WORKER },
  });
  browser = await openOfflineBrowser(server.url, { args: fakeCameraArgs(clip) });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  build?.remove();
});

describe('production build on a bare static host', () => {
  it('is served with no security headers, and the request log sees what a worker sends', async () => {
    const response = await fetch(server.url);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('cross-origin-embedder-policy')).toBeNull();

    const page = await browser.context.newPage();
    await page.goto(server.url);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    const control = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const w = new Worker('/probe-worker.js');
          w.onmessage = (e: MessageEvent<string>) => resolve(e.data);
        }),
    );
    // Refused by the test's router, but only after it was seen leaving: the log covers workers.
    expect(control).toMatch(/^failed/);
    expect(browser.offOrigin).toEqual(['GET https://probe.invalid/control']);
    browser.offOrigin.length = 0;
    await page.close();
  });

  it('a MediaPipe session: the worker refuses every off-origin request, MediaPipe’s log included; nothing leaves', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const refusals: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.worker() && m.text().startsWith('Spinewise: refused')) refusals.push(m.text());
    });
    await page.addInitScript(() =>
      localStorage.setItem(
        'spinewise.coach-settings',
        JSON.stringify({ engine: 'mediapipe/lite', voice: { enabled: false } }),
      ),
    );
    await page.goto(server.url);
    await passSafetyScreen(page);
    await page.getByTestId('choose-childs-pose').click();
    await page.getByTestId('start-camera').click();
    await page.getByTestId('setup-checks').waitFor({ timeout: 90_000 });
    await reachLive(page, 30_000);
    await expect
      .poll(() => page.getByTestId('status-line').textContent(), { timeout: 30_000 })
      .toMatch(/mediapipe\/lite \(CPU\)/);
    await expect.poll(() => skeletonPixels(page), { timeout: 30_000 }).toBeGreaterThan(500);

    const worker = page.workers().find((w) => w.url().includes('pose-worker'));
    expect(worker, 'the pose worker is running').toBeDefined();
    const attempts = await worker!.evaluate(async (log) => {
      const outcome = (p: Promise<unknown>) =>
        p.then(
          () => 'sent',
          (e: Error) => `${e.name}: ${e.message}`,
        );
      const xhr = () => {
        try {
          const x = new XMLHttpRequest();
          x.open('POST', log);
          x.send('x');
          return 'sent';
        } catch (e) {
          return (e as Error).name;
        }
      };
      return {
        fetch: await outcome(fetch(log, { method: 'POST', body: 'x' })),
        request: await outcome(fetch(new Request('https://example.com/anything'))),
        xhr: xhr(),
        // MediaPipe's script loader hook (pose-worker.ts) refuses script from elsewhere too.
        script: await outcome(
          (self as unknown as { import: (u: string) => Promise<unknown> }).import(
            'https://example.com/glue.js',
          ),
        ),
        sameOrigin: (await fetch('/models/manifest.json')).status,
        isolated: self.crossOriginIsolated,
      };
    }, USAGE_LOG);
    expect(attempts).toEqual({
      fetch: `OffOriginRequestError: Spinewise refused a request to ${USAGE_LOG}: nothing may leave this device.`,
      request: expect.stringMatching(/^OffOriginRequestError/),
      xhr: 'OffOriginRequestError',
      script: expect.stringMatching(/^OffOriginRequestError/),
      sameOrigin: 200,
      isolated: false, // no COOP/COEP here: MediaPipe's CPU path, no wasm threads
    });
    expect(browser.offOrigin).toEqual([]);

    // Stop ends the worker; closing the landmarker flushes MediaPipe's usage log.
    const closed = new Promise<void>((resolve) => worker!.once('close', () => resolve()));
    refusals.length = 0;
    await page.getByTestId('stop').click();
    await closed;
    await page.getByTestId('summary').waitFor({ timeout: 30_000 });
    expect(refusals.some((r) => r.includes(USAGE_LOG))).toBe(true);
    expect(browser.offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the Engine check runs in the worker: its MediaPipe usage log refused there; the page’s CSP refuses the page’s own', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const stopped: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // On the page the <meta> CSP stops it (a violation); in a worker, the seal (a refusal).
    page.on('console', (m) => {
      if (m.text().startsWith('Spinewise: refused')) stopped.push(m.text());
    });
    await page.exposeFunction('swViolation', (uri: string) => stopped.push(`csp ${uri}`));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { swViolation: (u: string) => void }).swViolation(e.blockedURI),
      ),
    );
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/wasm/mediapipe/')) wasm.push(new URL(r.url()).pathname);
    });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Engine check' }).click();
    await page.getByTestId('engine').selectOption({ label: 'MediaPipe · lite' });
    await page.getByTestId('run').click();
    await page.getByTestId('result').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('person').textContent()).toMatch(/^found/);
    // The check ends its worker, which closes the landmarker and flushes the log: refused there.
    await expect
      .poll(() => stopped.filter((s) => s.includes(USAGE_LOG)).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(stopped.filter((s) => s.startsWith('csp'))).toEqual([]);
    // Only the worker's ES-module wasm loader was fetched, never the page's classic one.
    expect(wasm.length).toBeGreaterThan(0);
    expect(
      wasm.every((p) => p.includes('vision_wasm_module_internal')),
      wasm.join(', '),
    ).toBe(true);
    // The page's own CSP (the <meta> tag) still refuses an off-origin request from the page.
    const pageFetch = await page.evaluate(() =>
      fetch('https://probe.invalid/page').then(
        () => 'sent',
        (e: Error) => `refused: ${e.name}`,
      ),
    );
    expect(pageFetch).toBe('refused: TypeError');
    await expect
      .poll(() => stopped.filter((s) => s.startsWith('csp https://probe.invalid')).length)
      .toBe(1);
    expect(browser.offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
