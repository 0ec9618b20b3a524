/**
 * The live coach's other screens in Chromium: no camera at all (a real
 * browser without any camera), a page that is not secure (no camera API), a
 * camera held by another app (the
 * browser's NotReadableError, injected, since no second app can hold the
 * fake camera here), the device picker with two fake cameras, settings
 * saved on this device, and the instruction card's rendered pictures.
 * From Start on, the screen shows what it waits for: the steps, then "Get
 * set up" waiting on the first checked frame, then that step done and the
 * checks listed. Nothing leaves the origin.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import { writeY4m } from '../tools/camera-clip/y4m.ts';
import { CAMERA_CLIPS_DIR } from '../tools/make-camera-clip.ts';
import {
  type CoachPage,
  closeCameraBrowsers,
  fakeCameraArgs,
  HARNESS,
  MODEL_LOAD_MS,
  openCoach,
  SCREENSHOTS,
} from './live-coach-page.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startDevServer();
});
afterAll(async () => {
  await closeCameraBrowsers();
  await server?.close();
});

describe('a browser with no camera', () => {
  let c: CoachPage;
  beforeAll(async () => {
    c = await openCoach(server.url, ['--use-fake-ui-for-media-stream']);
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('says no camera was found and what to do', async () => {
    await c.page.getByTestId('start-camera').click();
    const problem = c.page.getByTestId('camera-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.getAttribute('data-kind')).toBe('no-camera');
    expect(await problem.textContent()).toContain('Plug in a webcam');
    await c.page.screenshot({ path: join(SCREENSHOTS, 'live-no-camera.png'), fullPage: true });
    expect(c.browser.offOrigin).toEqual([]);
  });
});

describe('a page that is not secure', () => {
  // Chromium treats localhost as secure; a made-up name mapped to 127.0.0.1 is not.
  const HOST = 'insecure.test';
  let insecureServer: RunningServer;
  let c: CoachPage;
  beforeAll(async () => {
    insecureServer = await startDevServer([HOST]);
    const port = new URL(insecureServer.url).port;
    c = await openCoach(`http://${HOST}:${port}`, [
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      ...fakeCameraArgs(undefined),
    ]);
  });
  afterAll(async () => {
    await c?.browser.close();
    await insecureServer?.close();
  });

  it('says the camera needs a secure page, and how to get one', async () => {
    expect(await c.page.evaluate(() => window.isSecureContext)).toBe(false);
    await c.page.getByTestId('start-camera').click();
    const problem = c.page.getByTestId('camera-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.getAttribute('data-kind')).toBe('insecure');
    expect(await problem.textContent()).toContain('The camera needs a secure page');
    expect(await problem.textContent()).toContain('http://localhost:5173');
    await c.page.screenshot({ path: join(SCREENSHOTS, 'live-insecure.png'), fullPage: true });
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});

describe('a camera another app holds', () => {
  let c: CoachPage;
  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(undefined));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('says the camera is busy', async () => {
    await c.page.evaluate(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Could not start video source', 'NotReadableError'));
    });
    await c.page.getByTestId('start-camera').click();
    const problem = c.page.getByTestId('camera-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.getAttribute('data-kind')).toBe('in-use');
    expect(await problem.textContent()).toContain('Close the other app or tab');
    await c.page.screenshot({ path: join(SCREENSHOTS, 'live-camera-in-use.png'), fullPage: true });
  });
});

describe('two cameras', () => {
  let c: CoachPage;
  beforeAll(async () => {
    c = await openCoach(server.url, [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream=device-count=2',
    ]);
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('offers a camera picker and switches camera', async () => {
    const { page } = c;
    await page.getByTestId('start-camera').click();
    const picker = page.getByTestId('camera-picker');
    await picker.waitFor({ timeout: 60_000 });
    const options = await picker
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toHaveLength(2);
    const current = await page.evaluate(
      () => document.querySelector('sw-live-coach')!.camera.deviceId,
    );
    const other = options.find((o) => o !== current)!;
    await picker.selectOption(other);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('sw-live-coach')!.camera.deviceId))
      .toBe(other);
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});

describe('leaving the page mid-session', () => {
  let c: CoachPage;
  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(undefined));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('shows the waiting steps up to the first checked frame; stops the camera and ends the pose worker when the coach is removed', async () => {
    const { page } = c;
    await recordStartScreens(page);
    await page.getByTestId('start-camera').click();
    await page.getByTestId('setup-checks').waitFor({ timeout: MODEL_LOAD_MS });
    // The first checked frame: its checks listed and the waiting steps gone.
    await expect
      .poll(() => page.locator('[data-testid="setup-checks"] li').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('start-progress').count()).toBe(0);
    const seen = await startScreensSeen(page);
    console.log(`screens from Start: ${seen.join(' → ')}`);
    // Setup opened waiting on that frame, with the camera and model done...
    const waiting = seen.indexOf(
      'Get set up | camera:done model:done first-frame:active | 0 checks',
    );
    expect(waiting, seen.join('\n')).toBeGreaterThanOrEqual(0);
    // ...and the step then ended in the checks (the last screen recorded is the checks alone).
    expect(seen.at(-1)).toMatch(/^Get set up \| no steps \| [1-9]\d* checks$/);
    expect(page.workers().length).toBeGreaterThan(0);
    const state = await page.evaluate(async () => {
      const coach = document.querySelector('sw-live-coach')!;
      const track = coach.camera.stream!.getVideoTracks()[0]!;
      const before = track.readyState;
      coach.remove(); // hostDisconnected on every controller
      return { before, after: track.readyState };
    });
    expect(state).toEqual({ before: 'live', after: 'ended' });
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(0);
  });
});

/**
 * Records each distinct start screen of the coach from now on (a
 * MutationObserver on its shadow root sees every render, however brief):
 * `heading | step:state … | N checks`.
 */
function recordStartScreens(page: Page): Promise<void> {
  return page.evaluate(() => {
    const root = document.querySelector('sw-live-coach')!.shadowRoot!;
    const seen: string[] = [];
    (window as unknown as { __startScreens: string[] }).__startScreens = seen;
    const note = () => {
      const heading = root.querySelector('[data-view-heading]')?.textContent?.trim() ?? '';
      const steps = [...root.querySelectorAll('[data-testid="start-progress"] li')]
        .map((li) => `${li.getAttribute('data-step')}:${li.getAttribute('data-state')}`)
        .join(' ');
      const checks = root.querySelectorAll('[data-testid="setup-checks"] li').length;
      const line = `${heading} | ${steps || 'no steps'} | ${checks} checks`;
      if (seen.at(-1) !== line) seen.push(line);
    };
    new MutationObserver(note).observe(root, { subtree: true, childList: true, attributes: true });
  });
}

function startScreensSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __startScreens: string[] }).__startScreens);
}

describe('a dark, empty room', () => {
  let c: CoachPage;
  beforeAll(async () => {
    // A camera in a dim room with nobody in it: 20 frames of near-black (luma ~25).
    mkdirSync(CAMERA_CLIPS_DIR, { recursive: true });
    const clip = join(CAMERA_CLIPS_DIR, 'dark-room.y4m');
    const frame = { width: 320, height: 180, data: new Uint8Array(320 * 180 * 4).fill(12) };
    writeY4m(
      clip,
      Array.from({ length: 20 }, () => frame),
      10,
    );
    c = await openCoach(server.url, fakeCameraArgs(clip));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('setup help says it is too dark (first) and nobody is in view, in the list, the guide and the captions', async () => {
    const { page } = c;
    await page.getByTestId('choose-childs-pose').click();
    await page.getByTestId('start-camera').click();
    await page.getByTestId('setup-checks').waitFor({ timeout: MODEL_LOAD_MS });
    await expect
      .poll(() => page.locator('[data-check="light"]').getAttribute('data-ok'), { timeout: 20_000 })
      .toBe('false');
    expect(await page.locator('[data-check="person"]').getAttribute('data-ok')).toBe('false');
    expect(await page.locator('[data-check="light"]').textContent()).toContain('Too dark');
    expect(await page.getByTestId('setup-guide').textContent()).toContain('Too dark');
    await expect
      .poll(() => page.getByTestId('captions').textContent())
      .toContain('Too dark: turn on a light or face a window');
    // Nobody there: the coach does not start by itself.
    await page.waitForTimeout(2000);
    expect(await page.getByTestId('pause').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-setup-dark.png') });
    expect(c.errors).toEqual([]);
  });
});

describe('a missing model file', () => {
  let c: CoachPage;
  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(undefined));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('names the file and the command that rebuilds it, and leads back to the settings', async () => {
    const { page } = c;
    // Also requests from the pose worker go through the page's routes.
    await c.browser.context.route('**/models/pose_landmarker_lite.task', (route) =>
      route.fulfill({ status: 404, body: '' }),
    );
    await page.getByTestId('start-camera').click();
    const error = page.getByTestId('engine-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toBe(
      'Model file "models/pose_landmarker_lite.task" was not found. Rebuild the models with `npm run models`.',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'live-model-missing.png'), fullPage: true });
    await page.getByTestId('back-to-settings').click();
    await page.getByTestId('start-camera').waitFor();
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(0);
    expect(
      await page.evaluate(() => document.querySelector('sw-live-coach')!.camera.stream),
    ).toBeUndefined();
  });
});

describe('settings and the instruction card', () => {
  let c: CoachPage;
  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(undefined));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('saves the settings on this device', async () => {
    const { page } = c;
    await page.locator('summary', { hasText: 'Settings' }).click();
    await page.getByTestId('setting-engine').selectOption('tfjs/blazepose-lite');
    await page.getByTestId('setting-backend').selectOption('wasm');
    await page.getByTestId('setting-voice').uncheck();
    await page.getByTestId('setting-hold').fill('30');
    await page.getByTestId('setting-hold').dispatchEvent('change');
    await page.screenshot({ path: join(SCREENSHOTS, 'live-settings.png'), fullPage: true });
    // What a later visit reads (loadCoachSettings; its fallbacks are unit-tested).
    const saved = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('spinewise.coach-settings'))) ?? '{}',
    );
    expect(saved).toMatchObject({
      engine: 'tfjs/blazepose-lite',
      backend: 'wasm',
      holdTargetS: 30,
      voice: { enabled: false },
    });
  });

  it('runs the engine and backend chosen in the settings', async () => {
    const { page } = c;
    await page.getByTestId('start-camera').click();
    await page.getByTestId('setup-checks').waitFor({ timeout: MODEL_LOAD_MS });
    expect((await page.getByTestId('status-line').textContent())?.replace(/\s+/g, ' ')).toContain(
      'tfjs/blazepose-lite (wasm)',
    );
    expect(await page.getByTestId('engine-note').textContent()).toBe(
      'Using TensorFlow.js BlazePose lite (chosen in settings).',
    );
    await page.getByTestId('stop').click();
  });

  it('shows where the laptop goes on the instruction card: two rendered pictures with alt text', async () => {
    const { page } = c;
    await page.goto(`${server.url}${HARNESS}`);
    const pictures = page.locator('sw-exercise-card [data-testid="guide-pictures"] img');
    await expect.poll(() => pictures.count()).toBe(2);
    for (const img of await pictures.all()) {
      await expect
        .poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
      expect((await img.getAttribute('alt'))?.length ?? 0).toBeGreaterThan(10);
      expect(new URL((await img.getAttribute('src'))!, server.url).origin).toBe(
        new URL(server.url).origin,
      );
    }
  });
});
