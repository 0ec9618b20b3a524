/**
 * The mat view's full screen and wake lock in Chromium, on a bare element
 * (tests/browser/pages/mat-view-harness.html): granted, both are taken and
 * given back; refused or missing (the browser API replaced before the page
 * loads, as a browser that says no would answer), the view still fills the
 * window over the page and says in words what was refused and what to do;
 * leaving full screen from outside (Esc) ends the mat view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FULLSCREEN_REFUSED,
  WAKE_LOCK_MISSING,
  WAKE_LOCK_REFUSED,
} from '../../src/controllers/mat-view-controller.ts';
import { type OfflineBrowser, openRunContext } from '../support/offline-browser.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';

const HARNESS = '/tests/browser/pages/mat-view-harness.html';
let server: RunningServer;
let browser: OfflineBrowser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await openRunContext(server.url, { viewport: { width: 1024, height: 700 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(init?: () => void) {
  const page = await browser.context.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(`${server.url}${HARNESS}`);
  await page.getByTestId('mat-toggle').waitFor({ timeout: 60_000 });
  const state = () =>
    page.locator('sw-mat-view-probe').evaluate((el) => {
      const probe = el as HTMLElement & {
        mat: { active: boolean; awake: boolean; notes: string[] };
      };
      const r = el.getBoundingClientRect();
      return {
        active: probe.mat.active,
        awake: probe.mat.awake,
        notes: probe.mat.notes,
        fullscreen: document.fullscreenElement === el,
        attr: el.hasAttribute('mat'),
        coversWindow: r.left <= 0 && r.top <= 0 && r.width >= innerWidth && r.height >= innerHeight,
      };
    });
  return { page, state };
}

describe('mat view controller', () => {
  it('granted: full screen and the wake lock are taken, and given back on leaving', async () => {
    const { page, state } = await open();
    await page.getByTestId('coaching').click();
    await page.getByTestId('mat-toggle').click();
    await expect.poll(async () => (await state()).awake).toBe(true);
    expect(await state()).toMatchObject({ active: true, fullscreen: true, attr: true, notes: [] });
    expect((await state()).coversWindow).toBe(true);
    await page.getByTestId('mat-toggle').click();
    await expect.poll(async () => (await state()).active).toBe(false);
    expect(await state()).toMatchObject({ awake: false, fullscreen: false, attr: false });
    await page.close();
  });

  it('leaving full screen from outside (Esc) ends the mat view', async () => {
    const { page, state } = await open();
    await page.getByTestId('mat-toggle').click();
    await expect.poll(async () => (await state()).fullscreen).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(async () => (await state()).active).toBe(false);
    expect((await state()).attr).toBe(false);
    await page.close();
  });

  it('refused: the view fills the window and says what was refused and what to do', async () => {
    const { page, state } = await open(() => {
      Element.prototype.requestFullscreen = () =>
        Promise.reject(new TypeError('Permissions check failed'));
      Object.defineProperty(Navigator.prototype, 'wakeLock', {
        get: () => ({
          request: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')),
        }),
      });
    });
    await page.getByTestId('coaching').click();
    await page.getByTestId('mat-toggle').click();
    await page.getByTestId('mat-notes').waitFor();
    await expect.poll(async () => (await state()).notes.length).toBe(2);
    const s = await state();
    expect(s).toMatchObject({ active: true, attr: true, fullscreen: false, awake: false });
    expect(s.notes).toEqual([FULLSCREEN_REFUSED, WAKE_LOCK_REFUSED]);
    expect(s.coversWindow).toBe(true);
    expect(await page.getByTestId('mat-notes').textContent()).toContain('F11');
    // Still in the mat view: no full screen to leave, so nothing ended it.
    await page.waitForTimeout(500);
    expect((await state()).active).toBe(true);
    await page.close();
  });

  it('a browser without the wake lock API is told to lengthen the screen timeout', async () => {
    const { page, state } = await open(() => {
      Object.defineProperty(Navigator.prototype, 'wakeLock', { get: () => undefined });
    });
    await page.getByTestId('coaching').click();
    await page.getByTestId('mat-toggle').click();
    await expect.poll(async () => (await state()).notes).toEqual([WAKE_LOCK_MISSING]);
    expect((await state()).fullscreen).toBe(true);
    expect(browser.offOrigin).toEqual([]);
    await page.close();
  });
});
