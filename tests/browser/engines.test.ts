/**
 * Both engines in headless Chromium, on the committed still, under the
 * app's CSP: MediaPipe lite against the truth, the two engines against each
 * other, create/close leaks, and zero requests leaving the origin.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDMARK } from '../../src/core/landmarks.ts';
import type { PoseFrame } from '../../src/core/pose-frame.ts';
import type { EngineSpec } from '../../src/pose/create-pose-engine.ts';
import type { EngineRuntime } from '../../src/pose/pose-engine.ts';
import { type OfflineBrowser, openRunContext } from '../support/offline-browser.ts';
import {
  jointErrors,
  jointTolerance,
  leftRightOrder,
  MAIN_JOINTS,
  STILL_URL,
} from '../support/still-fixture.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';

/** How far apart the two engines may put a main joint, fraction of image height. */
const ENGINE_AGREEMENT = 0.08;

let server: RunningServer;
let browser: OfflineBrowser;
let page: Page;

interface DetectResult {
  frame: PoseFrame | null;
  runtime: EngineRuntime;
  loadMs: number;
  inferenceMs: number[];
}

const detect = (spec: EngineSpec, frames = 3): Promise<DetectResult> =>
  page.evaluate(([s, url, n]) => window.harness.detectStill(s, url, n), [
    spec,
    STILL_URL,
    frames,
  ] as const);

beforeAll(async () => {
  server = await startDevServer();
  browser = await openRunContext(server.url);
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${server.url}/tests/browser/pages/engine-harness.html`);
  await page.waitForFunction(() => window.harness?.ready === true, undefined, { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('engines in Chromium', () => {
  let mediapipe: DetectResult;
  let tfjs: DetectResult;

  beforeAll(async () => {
    mediapipe = await detect({ engine: 'mediapipe', model: 'lite', delegate: 'auto' });
    tfjs = await detect({ engine: 'tfjs', model: 'blazepose-lite', backend: 'wasm' });
    console.info(
      `in-browser medians: mediapipe lite ${median(mediapipe.inferenceMs)} ms (${mediapipe.runtime.backend}), ` +
        `tfjs blazepose-lite ${median(tfjs.inferenceMs)} ms (${tfjs.runtime.backend})`,
    );
  });

  it('MediaPipe lite puts every main joint near the truth, left and right unswapped', () => {
    expect(mediapipe.frame).not.toBeNull();
    const errors = jointErrors(mediapipe.frame!);
    console.info(
      'mediapipe lite joint errors',
      Object.values(errors)
        .map((e) => e.toFixed(3))
        .join(' '),
    );
    for (const name of MAIN_JOINTS)
      expect.soft(errors[name], name).toBeLessThan(jointTolerance(name));
    expect(leftRightOrder(mediapipe.frame!)).toBe(true);
    expect(mediapipe.frame!.engine).toBe('mediapipe/lite');
    expect(mediapipe.frame!.world).toHaveLength(33);
  });

  it('MediaPipe auto delegate reports what it runs on, and why when it fell back', () => {
    expect(['GPU', 'CPU']).toContain(mediapipe.runtime.backend);
    if (mediapipe.runtime.backend === 'CPU') expect(mediapipe.runtime.fallback).toMatch(/GPU/);
  });

  it(`the two engines agree on the main joints within ${ENGINE_AGREEMENT} of the image height`, () => {
    expect(tfjs.runtime.backend).toBe('wasm');
    const a = mediapipe.frame!;
    const b = tfjs.frame!;
    const aspect = a.imageWidth / a.imageHeight;
    for (const name of MAIN_JOINTS) {
      const p = a.landmarks[LANDMARK[name]]!;
      const q = b.landmarks[LANDMARK[name]]!;
      expect.soft(Math.hypot((p.x - q.x) * aspect, p.y - q.y), name).toBeLessThan(ENGINE_AGREEMENT);
    }
  });

  it('leaks no task, detector or bitmap across create/close cycles', async () => {
    for (const spec of [
      { engine: 'mediapipe', model: 'lite', delegate: 'CPU' },
      { engine: 'tfjs', model: 'movenet-lightning', backend: 'wasm' },
    ] as const) {
      const live = await page.evaluate(([s, url]) => window.harness.cycles(s, url, 3), [
        spec,
        STILL_URL,
      ] as const);
      expect(live, spec.engine).toEqual({
        'mediapipe-task': 0,
        'tfjs-detector': 0,
        'image-bitmap': 0,
      });
    }
  });

  it('sends nothing outside the origin, even after close() (the CSP refuses MediaPipe’s usage log)', async () => {
    await page.waitForTimeout(3000); // MediaPipe tries to post its usage log shortly after close()
    const violations = await page.evaluate(() => window.harness.cspViolations);
    console.info(`CSP refused ${violations.length} request(s): ${violations.join(', ')}`);
    expect(browser.offOrigin).toEqual([]);
    // The page did try (tasks-vision posts usage logs after close()); the CSP is what stopped it.
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) expect(v).toMatch(/^connect-src /);
  });
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]!);
}
