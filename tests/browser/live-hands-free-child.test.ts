/**
 * Hands-free pause and stop in child's pose, end to end in headless
 * Chromium: the fake camera plays a rendered clip (fixtures/gestures/scenes/
 * gesture-stop-kneel-45-female) of 4 s in child's pose, then kneeling up on
 * the heels and raising both arms; the real MediaPipe lite model runs in the
 * worker. Kneeling up pauses the coached session by itself (the model keeps
 * watching) and folding forward again (the clip looping) resumes it. The
 * raised arms of the kneeling clip are found only now and then live (the
 * stop gesture's own test is live-mat-view.test.ts). axe finds nothing
 * serious on the pose's pause (or "Did it hurt?" when the arms stop it
 * first). Nothing leaves the origin. Screenshots:
 * test-results/live-hands-free-child-*.png.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { GESTURE_SCENES_DIR } from '../tools/record-gesture-streams.ts';
import {
  type CoachPage,
  closeCameraBrowsers,
  fakeCameraArgs,
  openCoach,
  reachLive,
  SCREENSHOTS,
} from './live-coach-page.ts';

const CLIP = 'gesture-stop-kneel-45-female';

let server: RunningServer;
let c: CoachPage;

beforeAll(async () => {
  const clip = await cameraClip(CLIP, GESTURE_SCENES_DIR); // ~15 s the first time, then cached
  server = await startDevServer();
  c = await openCoach(server.url, fakeCameraArgs(clip));
}, 240_000);

afterAll(async () => {
  await closeCameraBrowsers();
  await c?.browser.close();
  await server?.close();
});

describe(`hands-free in child's pose on ${CLIP}`, () => {
  it('kneeling up pauses by itself; folding forward again resumes by itself', async () => {
    const { page } = c;
    await page.getByTestId('choose-childs-pose').click();
    await page.getByTestId('start-camera').click();
    await reachLive(page, 30_000);
    // The clip loops every 13 s: in the pose 0–4 s, kneeling up from ~5.5 s, arms up 7–10.5 s,
    // then (looping) straight back into the pose.
    await page.getByTestId('paused').waitFor({ timeout: 240_000 });
    // One snapshot of the screen: a pause by the pose says how to go on (fold forward), not only Space.
    const screen = await page.evaluate(() => {
      const root = document.querySelector('sw-live-coach')!.shadowRoot!;
      return {
        stopped: root.querySelector('[data-testid="hurt-question"]') !== null,
        cue: root.querySelector('[data-testid="cue"]')?.textContent ?? '',
      };
    });
    if (screen.stopped) {
      // On a loaded machine the few frames of kneeling up can all fall inside the raised arms:
      // then the stop comes first (the pause rule itself is proven on the streams in Node).
      console.log('the raised arms stopped it before the kneeling pause was seen');
    } else {
      expect(screen.cue).toContain('Fold forward again to go on, or press Space');
      // Paused by the pose, not by anything else: the spoken (and captioned) reason says so.
      await expect
        .poll(async () => await page.getByTestId('captions').textContent(), { timeout: 10_000 })
        .toContain('Fold forward again to go on');
    }
    expect(
      await seriousAxeFindings(page, screen.stopped ? 'did it hurt' : 'paused by the pose'),
    ).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-hands-free-child-paused.png') });
    // Unless the raised arms stop it first (then "Did it hurt?" shows), the pose resumes it.
    await page
      .getByTestId('hurt-question')
      .or(page.getByTestId('pause').filter({ hasText: 'Pause' }))
      .first()
      .waitFor({ timeout: 240_000 });
    if (await page.getByTestId('hurt-question').count()) {
      console.log('the raised arms stopped it before it resumed');
      await page.getByTestId('hurt-no').click();
    } else {
      await expect
        .poll(async () => await page.getByTestId('captions').textContent(), { timeout: 10_000 })
        .toContain('Resumed');
      expect(await page.getByTestId('paused').count()).toBe(0);
      await page.keyboard.press('s');
    }
    await page.getByTestId('summary').waitFor({ timeout: 10_000 });
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  }, 600_000);
});
