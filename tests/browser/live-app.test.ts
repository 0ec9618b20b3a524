/**
 * The live coach as a person meets it, in the production build (`vite
 * build` + preview, the same headers and CSP as `npm run preview`): the
 * safety gate first, then the coach, the camera (a fake one playing a
 * rendered clip), the model in its worker, a cue on screen; nothing leaves
 * the origin.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfflineBrowser, openOfflineBrowser } from '../support/offline-browser.ts';
import { passSafetyScreen } from '../support/safety-screen.ts';
import { type RunningServer, startBuiltPreview } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { fakeCameraArgs, MODEL_LOAD_MS, SCREENSHOTS, skeletonPixels } from './live-coach-page.ts';

const CLIP = 'child-hips-not-back-side-female';

let server: RunningServer;
let browser: OfflineBrowser;

beforeAll(async () => {
  const clip = await cameraClip(CLIP);
  server = await startBuiltPreview();
  browser = await openOfflineBrowser(server.url, { args: fakeCameraArgs(clip) });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('live coach in the production build', () => {
  it('safety gate → coach → setup → live session with the skeleton and the hips cue, offline', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() =>
      localStorage.setItem(
        'spinewise.coach-settings',
        JSON.stringify({ engine: 'mediapipe/lite' }),
      ),
    );
    await page.goto(server.url);
    await passSafetyScreen(page);
    await page.getByTestId('choose-childs-pose').click();
    await page.getByTestId('start-camera').click();
    await page.getByTestId('setup-checks').waitFor({ timeout: MODEL_LOAD_MS });
    await page.getByTestId('pause').waitFor({ timeout: 30_000 });
    await expect.poll(() => skeletonPixels(page), { timeout: 60_000 }).toBeGreaterThan(500);
    await page.locator('[data-testid="cue"][data-code="hips-back"]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'live-app-build.png') });
    expect(browser.offOrigin).toEqual([]);
    expect(errors).toEqual([]);
  });
});
