/**
 * The first-run guide in Chromium: on a fresh browser it shows above the
 * safety questions with what you need, how long, privacy and, per stretch,
 * the rendered pictures (camera view and floor plan, loaded from this origin,
 * with their words for screen readers); "Got it" hides it for good (after a
 * reload too), and "Getting started" shows it again, focused on its heading.
 * axe-core finds nothing serious on either. Nothing leaves the origin. Screenshots: test-results/first-run-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe.ts';
import { type OfflineBrowser, openRunContext } from '../support/offline-browser.ts';
import { PROJECT_ROOT, type RunningServer, startDevServer } from '../support/vite-server.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');

let server: RunningServer;
let browser: OfflineBrowser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await startDevServer();
  browser = await openRunContext(server.url, { viewport: { width: 1280, height: 900 } });
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The guide's pictures: where each comes from, whether it loaded, and its text. */
function pictures() {
  return page.locator('sw-first-run-guide img').evaluateAll((imgs) =>
    imgs.map((i) => {
      const img = i as HTMLImageElement;
      return {
        src: img.currentSrc,
        loaded: img.complete && img.naturalWidth > 0,
        width: img.naturalWidth,
        alt: img.alt,
        kind: img.dataset.kind,
      };
    }),
  );
}

describe('first-run guide', () => {
  it('shows on the first visit above the safety questions, with a picture pair per stretch', async () => {
    const guide = page.getByTestId('first-run-guide');
    await guide.waitFor({ timeout: 60_000 });
    for (const id of ['first-run-needs', 'first-run-time', 'first-run-privacy'])
      await page.getByTestId(id).waitFor();
    expect(await page.getByTestId('first-run-needs').textContent()).toContain('foam roller');
    expect(await page.getByTestId('first-run-needs').textContent()).toContain('2–3 m');
    expect(await page.getByTestId('first-run-privacy').textContent()).toContain('leaves it');
    // The safety questions are still there, below it.
    await page.locator('sw-safety-gate').waitFor();
    await expect.poll(async () => (await pictures()).every((p) => p.loaded)).toBe(true);
    const pics = await pictures();
    expect(pics).toHaveLength(6);
    expect(pics.filter((p) => p.kind === 'camera')).toHaveLength(3);
    for (const p of pics) {
      expect(new URL(p.src).origin).toBe(server.url);
      expect(p.alt.length).toBeGreaterThan(40);
    }
    expect(await seriousAxeFindings(page, 'first run')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'first-run-guide.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, 'first-run-guide-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('"Got it" hides it for good; "Getting started" shows it again', async () => {
    await page.getByTestId('first-run-done').click();
    await page.getByTestId('first-run-guide').waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('sw-safety-gate').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('first-run-guide').count()).toBe(0);
    await page.getByTestId('nav-guide').click();
    await page.getByTestId('first-run-guide').waitFor();
    expect(await page.getByTestId('first-run-done').count()).toBe(0);
    // Its own view: the focus is on its heading.
    await expect
      .poll(() =>
        page.locator('sw-first-run-guide').evaluate((el) => el.shadowRoot?.activeElement?.id),
      )
      .toBe('first-run-h');
    await expect.poll(async () => (await pictures()).every((p) => p.loaded)).toBe(true);
    expect(await seriousAxeFindings(page, 'first run')).toEqual([]);
    expect(browser.offOrigin).toEqual([]);
    expect(errors).toEqual([]);
  });
});
