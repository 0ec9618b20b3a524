/**
 * The mat view and hands-free control end to end in headless Chromium: the
 * fake camera plays a rendered clip of a person sitting square, then raising
 * both arms above the head for 3.5 s (fixtures/gestures/scenes/), through
 * the real MediaPipe lite model in the worker. "Just start" recognises the
 * seated twist and coaches it after a 3 s countdown by itself (on a rendered
 * twist of its own: sitting square is "none of these" since issue 14's
 * negatives, and this clip's turn stays under the 20° the recogniser asks
 * for); on the gesture clip the twist is then chosen and M opens the
 * mat view (full screen or, refused, the whole window; large cue, ring,
 * captions and buttons; no status line); the raised arms stop the session
 * and ask "Did it hurt?"; "Yes" shows the safety advice. A second session,
 * on a phone-sized screen, declines the countdown with N (when the offer
 * comes before the raised arms), keeps Sharp pain on screen in the mat
 * view, and "No" ends in the summary. axe finds nothing serious on the
 * countdown, the mat view, "Did it hurt?" and the advice after it. The
 * page never asks for the microphone or builds a speech recogniser.
 * Nothing leaves the origin. Screenshots: test-results/live-mat-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe.ts';
import { asksForAudio, mediaRequests, recordMediaRequests } from '../support/media-requests.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { GESTURE_SCENES_DIR } from '../tools/record-gesture-streams.ts';
import {
  type CoachPage,
  closeCameraBrowsers,
  fakeCameraArgs,
  measures,
  openCoach,
  SCREENSHOTS,
} from './live-coach-page.ts';

const CLIP = 'gesture-stop-twist-front-female';
/** A good left twist, front view: turned well past 20° from about 3 s. */
const TWIST_CLIP = 'twist-good-left-front-female';

let server: RunningServer;
let c: CoachPage;
let twistClip: string;

beforeAll(async () => {
  const clip = await cameraClip(CLIP, GESTURE_SCENES_DIR); // ~15 s the first time, then cached
  twistClip = await cameraClip(TWIST_CLIP);
  server = await startDevServer();
  c = await openCoach(server.url, fakeCameraArgs(clip));
  // Every camera request and speech recogniser from here on is recorded (from the reload on).
  await recordMediaRequests(c.page);
  await c.page.reload();
  await c.page.getByTestId('start-camera').waitFor({ timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await closeCameraBrowsers();
  await c?.browser.close();
  await server?.close();
});

/** Just start (or a chosen stretch) → camera → past setup (by hand if it has not started by itself). */
async function startRecognising(page: Page, choice = 'choose-recognise') {
  await page.getByTestId(choice).click();
  await page.getByTestId('start-camera').click();
  try {
    await page.getByTestId('pause').waitFor({ timeout: 20_000 });
  } catch {
    await page.getByTestId('start-now').click();
    await page.getByTestId('pause').waitFor({ timeout: 30_000 });
  }
}

/** Font size, box and visibility of an element inside the coach's shadow root. */
function box(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      fontPx: Number.parseFloat(style.fontSize),
      top: r.top,
      bottom: r.bottom,
      width: r.width,
      height: r.height,
      shown: style.display !== 'none' && r.width > 0 && r.height > 0,
    };
  });
}

/** Just start on a rendered twist: the countdown names the twist, then it is coached by itself. */
async function recognisedTwistCoached(page: Page) {
  await startRecognising(page);
  // The recogniser may name another stretch for a moment while the person settles; the
  // countdown then starts again for the twist.
  await page.locator('[data-testid="countdown"][data-exercise="seated-twist"]').waitFor({
    timeout: 120_000,
  });
  // At once: the countdown lasts 3 s (axe reads the DOM as it starts).
  expect(await seriousAxeFindings(page, 'countdown')).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'live-mat-countdown.png') });
  // Nobody presses anything: the twist is coached once the countdown runs out.
  await page.getByTestId('side').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('countdown').count()).toBe(0);
  expect(await page.getByTestId('recognise').count()).toBe(0);
}

/**
 * Waits for "Did it hurt?"; under heavy load the model may analyse a frame
 * only every 2–3 s, so this allows many loops of the clip. On a time-out it
 * leaves a screenshot and the analysis numbers to look at.
 */
async function waitForHurt(page: Page, failShot: string) {
  try {
    await page.getByTestId('hurt-question').waitFor({ timeout: 240_000 });
  } catch (e) {
    await page.screenshot({ path: join(SCREENSHOTS, failShot) });
    const m = await measures(page);
    console.log(
      `no stop seen: ${m.poses} live poses, last trace ${JSON.stringify(m.trace.at(-1))}`,
    );
    throw e;
  }
}

describe(`mat view and hands-free stop on ${CLIP}`, () => {
  it('coaches the recognised twist after the countdown, without a key', async () => {
    const twist = await openCoach(server.url, fakeCameraArgs(twistClip));
    try {
      await recognisedTwistCoached(twist.page);
    } finally {
      await twist.browser.close();
    }
    // The rest of the file coaches the twist on the gesture clip, chosen.
    await startRecognising(c.page, 'choose-seated-twist');
    await c.page.getByTestId('side').waitFor({ timeout: 60_000 });
  }, 420_000);

  it('M opens the mat view: everything large, no status line, full screen or a note why not', async () => {
    const { page } = c;
    await page.keyboard.press('m');
    await expect
      .poll(() => page.locator('sw-live-coach').evaluate((el) => el.hasAttribute('mat')))
      .toBe(true);
    const read = () =>
      page.locator('sw-live-coach').evaluate((el) => ({
        fullscreen: document.fullscreenElement === el,
        awake: (el as unknown as { mat: { awake: boolean } }).mat.awake,
        notes: (el as unknown as { mat: { notes: string[] } }).mat.notes,
      }));
    // The wake lock and full screen answer asynchronously: wait until each has said
    // one way or the other (read at once, the wake lock was once still pending).
    await expect
      .poll(
        async () => {
          const s = await read();
          return (
            (s.fullscreen || s.notes.some((n) => n.includes('Full screen'))) &&
            (s.awake || s.notes.some((n) => n.includes('screen')))
          );
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const state = await read();
    console.log(
      `mat view: full screen ${state.fullscreen}, wake lock ${state.awake}, notes: ${state.notes.join(' | ') || 'none'}`,
    );
    // Each of full screen and the wake lock either worked or says in words that it did not.
    expect(state.fullscreen || state.notes.some((n) => n.includes('Full screen'))).toBe(true);
    expect(state.awake || state.notes.some((n) => n.includes('screen'))).toBe(true);
    if (state.notes.length) await page.getByTestId('mat-notes').waitFor();

    const cue = await box(page, 'cue');
    const ring = await box(page, 'hold-ring');
    const captions = await box(page, 'captions');
    const sharp = await box(page, 'sharp-pain');
    const status = await box(page, 'status-line');
    console.log(
      `mat view sizes: cue ${cue.fontPx} px, ring ${ring.width}×${ring.height} px, captions ${captions.fontPx} px, Sharp pain ${sharp.height} px tall`,
    );
    expect(cue.fontPx).toBeGreaterThanOrEqual(64);
    expect(Math.min(ring.width, ring.height)).toBeGreaterThanOrEqual(200);
    expect(captions.fontPx).toBeGreaterThanOrEqual(36);
    expect(sharp.height).toBeGreaterThanOrEqual(64);
    expect(status.shown).toBe(false);
    expect(await seriousAxeFindings(page, 'mat view')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-mat-view.png') });
  }, 120_000);

  it('raising both arms stops the session and asks "Did it hurt?"; Yes shows the safety advice', async () => {
    const { page } = c;
    // The clip loops every 10 s; the arms are up 3.5–7 s into it (slow machines need a few loops).
    await waitForHurt(page, 'live-mat-no-stop.png');
    await page.screenshot({ path: join(SCREENSHOTS, 'live-mat-hurt.png') });
    const focused = await page.evaluate(
      () => document.querySelector('sw-live-coach')?.shadowRoot?.activeElement?.id,
    );
    expect(focused).toBe('hurt-h');
    expect(await seriousAxeFindings(page, 'did it hurt')).toEqual([]);
    // Halted: no more poses analysed while the question is up.
    const before = (await measures(page)).poses;
    await page.waitForTimeout(1500);
    expect((await measures(page)).poses).toBe(before);
    const yes = await box(page, 'hurt-yes');
    expect(yes.height).toBeGreaterThanOrEqual(64);
    await page.getByTestId('hurt-yes').click();
    await page.locator('sw-safety-advice').waitFor({ timeout: 10_000 });
    expect(await page.locator('sw-live-coach').evaluate((el) => el.hasAttribute('mat'))).toBe(
      false,
    );
    expect(await seriousAxeFindings(page, 'advice after the stop')).toEqual([]);
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  }, 300_000);

  it('N declines the countdown; on a phone Sharp pain stays on screen; No shows the summary', async () => {
    const { page } = c;
    // Back to the start from the advice.
    await page
      .locator('sw-safety-advice')
      .getByRole('button', { name: 'I have read this' })
      .click();
    await page.getByTestId('start-camera').waitFor({ timeout: 10_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    await startRecognising(page);
    // Which comes first depends on where in its loop the clip is: the offer or the raised arms.
    await page
      .getByTestId('countdown')
      .or(page.getByTestId('hurt-question'))
      .first()
      .waitFor({ timeout: 120_000 });
    const first = (await page.getByTestId('countdown').count()) ? 'countdown' : 'hurt';
    console.log(`second session: ${first} first`);
    if (first === 'countdown') {
      await page.keyboard.press('n');
      await page.getByTestId('countdown').waitFor({ state: 'detached', timeout: 5_000 });
      // Declined: still offered by button, and not coached by itself.
      await page.getByTestId('accept-recognised').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(4000);
      expect(await page.getByTestId('side').count()).toBe(0);
      expect(await page.getByTestId('countdown').count()).toBe(0);
    }
    await page.getByTestId('mat-toggle').click();
    await expect
      .poll(() => page.locator('sw-live-coach').evaluate((el) => el.hasAttribute('mat')))
      .toBe(true);
    const sharp = await box(page, 'sharp-pain');
    expect(sharp.shown).toBe(true);
    expect(sharp.top).toBeGreaterThanOrEqual(0);
    expect(sharp.bottom).toBeLessThanOrEqual(844);
    // Nothing wider than the phone: no sideways scrolling in the mat view.
    expect(
      await page.locator('sw-live-coach').evaluate((el) => el.scrollWidth - el.clientWidth),
    ).toBeLessThanOrEqual(0);
    expect(await seriousAxeFindings(page, 'mat view on a phone')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-mat-phone.png') });
    await waitForHurt(page, 'live-mat-phone-no-stop.png');
    await page.screenshot({ path: join(SCREENSHOTS, 'live-mat-phone-hurt.png') });
    await page.getByTestId('hurt-no').click();
    await page.getByTestId('summary').waitFor({ timeout: 10_000 });
    // Two sessions on this page, each opened the camera: video only, never a microphone.
    const asked = await mediaRequests(page);
    console.log(`camera requests: ${asked?.getUserMedia.join(' | ')}`);
    expect(asked?.getUserMedia.length).toBeGreaterThanOrEqual(2);
    expect(asked?.getUserMedia.filter(asksForAudio)).toEqual([]);
    expect(asked?.speechRecognizers).toBe(0);
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  }, 600_000);
});
