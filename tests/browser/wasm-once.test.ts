/**
 * Each engine's wasm and loader files are downloaded once: the pose worker
 * checks them against models/manifest.json and then hands the engine those
 * very bytes (verified-wasm-response.ts) instead of letting it fetch them
 * again. Counted over the DevTools protocol (the page's and the worker's
 * requests), for a worker that loads its engine's wasm more than once (a
 * picture, then an empty frame: one engine per orientation tried), on the
 * dev server, which sends no cache headers, so a second fetch would show.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineSpec } from '../../src/pose/create-pose-engine.ts';
import { type OfflineBrowser, openRunContext } from '../support/offline-browser.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import type { WasmOnceRun } from './pages/wasm-once-harness.ts';

const HARNESS = '/tests/browser/pages/wasm-once-harness.html';

let server: RunningServer;

beforeAll(async () => {
  server = await startDevServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** Requests per path under /wasm/ (query left out: the loader used to be fetched with `?load=n`). */
function countWasm(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.context().on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/wasm/')) counts.set(path, (counts.get(path) ?? 0) + 1);
  });
  return counts;
}

describe.each([
  {
    spec: { engine: 'mediapipe', model: 'lite', delegate: 'CPU' } satisfies EngineSpec,
    files: [/vision_wasm_.*internal\.js$/, /vision_wasm_.*internal\.wasm$/],
  },
  {
    spec: { engine: 'tfjs', model: 'blazepose-lite', backend: 'wasm' } satisfies EngineSpec,
    files: [
      /tfjs-backend-wasm\.wasm$/,
      /tfjs-backend-wasm-simd\.wasm$/,
      /tfjs-backend-wasm-threaded-simd\.wasm$/,
    ],
  },
])('$spec.engine $spec.model', ({ spec, files }) => {
  let ctx: OfflineBrowser;
  beforeAll(async () => {
    ctx = await openRunContext(server.url);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('downloads each wasm and loader file once, though the worker loads the engine several times', async () => {
    const page = await ctx.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const counts = countWasm(page);
    await page.goto(`${server.url}${HARNESS}`);
    await page.waitForFunction(() => window.harnessReady === true, undefined, { timeout: 60_000 });
    const run: WasmOnceRun = await page.evaluate((s) => window.runEngine(s), spec);
    console.log(
      `${spec.engine}: ${JSON.stringify(run)}; wasm requests ${JSON.stringify([...counts])}`,
    );
    expect(run.found).toBe(true); // the engine ran on the checked bytes
    expect(run.emptyTried).toBeGreaterThan(1); // more than one engine made in the worker
    for (const file of files) {
      const hits = [...counts].filter(([path]) => file.test(path));
      expect(hits, `${file}`).toHaveLength(1);
    }
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(ctx.offOrigin).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
