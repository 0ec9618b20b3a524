/**
 * Stop and Sharp pain always win while the engine is being chosen, on the
 * Automatic path (engine `auto`): the real camera path (Chromium's fake
 * camera playing a rendered clip) and the real MediaPipe models in the pose
 * worker. Pressed while a candidate is being timed, Sharp pain must end in
 * the safety advice and Stop in the summary; the cancelled load must come to
 * an end without starting another worker, and the screen must stay put.
 * Also checks the progress shown from Start to the first checked frame and
 * the plain words of the automatic choice.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe.ts';
import { coachOnClip, measures, SCREENSHOTS } from './live-coach-page.ts';

const CLIP = 'child-good-side-male';

const shared = coachOnClip(CLIP, { engine: 'auto', voice: { enabled: false } });

/** Which stage the coach shows, read from the DOM. */
function screen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('sw-live-coach')!.shadowRoot!;
    const has = (id: string) => root.querySelector(`[data-testid="${id}"]`) !== null;
    if (root.querySelector('sw-safety-advice')) return 'safety';
    if (has('summary')) return 'summary';
    if (has('setup-checks')) return 'setup';
    if (has('loading')) return 'loading';
    if (has('start-camera')) return 'choose';
    return 'other';
  });
}

/** Starts the coach and waits until the first candidate is being timed on the camera. */
async function startAndWaitForTiming(page: Page) {
  await page.getByTestId('choose-childs-pose').click();
  await page.getByTestId('start-camera').click();
  await page.getByTestId('start-progress').waitFor({ timeout: 30_000 });
  // The flow's own words (no locator wait inside the poll: the detail line comes and goes).
  const progress = () =>
    page.evaluate(() => document.querySelector('sw-live-coach')!.flow.state.progress);
  await expect
    .poll(progress, { timeout: 120_000, interval: 200 })
    .toMatch(/^Timing MediaPipe lite on your camera \(1 of 3\)…$/);
  expect(await page.getByTestId('progress-detail').textContent()).toBe(await progress());
  // A worker is running the candidate now.
  expect(page.workers().length).toBeGreaterThan(0);
}

/** The cancelled load ended, no worker is left, and the screen stays `expected` after it. */
async function expectLoadCancelled(page: Page, cancelledBefore: number, expected: string) {
  await expect
    .poll(async () => (await measures(page)).cancelledLoads, { timeout: 30_000 })
    .toBe(cancelledBefore + 1);
  await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(0);
  expect(await screen(page)).toBe(expected);
  expect(
    await page.evaluate(() => {
      const coach = document.querySelector('sw-live-coach')!;
      return { stream: coach.camera.stream === undefined, client: coach.loop.client === undefined };
    }),
  ).toEqual({ stream: true, client: true });
}

describe('Automatic engine choice, cancelled', () => {
  it('shows the steps from Start on: camera done, the model being timed, the first frame to come', async () => {
    const { page } = shared.c;
    await startAndWaitForTiming(page);
    const steps = await page
      .getByTestId('start-progress')
      .locator('li')
      .evaluateAll((lis) =>
        lis.map((li) => `${li.getAttribute('data-step')}:${li.getAttribute('data-state')}`),
      );
    expect(steps).toEqual(['camera:done', 'model:active', 'first-frame:pending']);
    expect(await page.getByTestId('loading-stop').isEnabled()).toBe(true);
    expect(await seriousAxeFindings(page, 'loading')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-loading-auto.png'), fullPage: true });
  });

  it('Sharp pain while a model is being timed: the safety advice stays, nothing loads after', async () => {
    const { page } = shared.c;
    const before = (await measures(page)).cancelledLoads;
    await page.getByTestId('loading-sharp-pain').click();
    await page.getByTestId('safety-advice').waitFor();
    await expectLoadCancelled(page, before, 'safety');
    expect(await page.locator('sw-safety-advice').getAttribute('reason')).toBe('sharp-pain');
    await page.screenshot({
      path: join(SCREENSHOTS, 'live-loading-sharp-pain.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'I have read this' }).click();
    await page.getByTestId('start-camera').waitFor();
  });

  it('Stop (key S) while a model is being timed: the summary stays, nothing loads after', async () => {
    const { page } = shared.c;
    const before = (await measures(page)).cancelledLoads;
    await startAndWaitForTiming(page);
    await page.keyboard.press('s');
    await page.getByTestId('summary').waitFor();
    await expectLoadCancelled(page, before, 'summary');
  });

  it('Stop (button) while the first model is starting in its worker: no worker is left, the summary stays', async () => {
    const { page } = shared.c;
    await page.getByTestId('again').click(); // from the summary of the last case
    const before = (await measures(page)).cancelledLoads;
    await page.getByTestId('choose-childs-pose').click();
    await page.getByTestId('start-camera').click();
    const progress = () =>
      page.evaluate(() => document.querySelector('sw-live-coach')!.flow.state.progress);
    await expect
      .poll(progress, { timeout: 60_000, interval: 100 })
      // Starting in its worker; on a fast machine it may already be timing, which is cancelled alike.
      .toMatch(/^(Loading|Timing) MediaPipe lite (on your camera )?\(1 of 3\)…$/);
    await page.getByTestId('loading-stop').click();
    await page.getByTestId('summary').waitFor();
    await expectLoadCancelled(page, before, 'summary');
  });

  it('sent no request outside the origin and threw no page error', () => {
    expect(shared.c.browser.offOrigin).toEqual([]);
    expect(shared.c.errors).toEqual([]);
  });
});
