/**
 * Drives the live coach in headless Chromium with a fake camera playing a
 * rendered scene clip (.y4m from tests/tools/make-camera-clip.ts). Reads
 * the element's state through its public `measures` and the rendered DOM.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CoachMeasures } from '../../src/ui/live-session/live-coach.ts';
import { type OfflineBrowser, openOfflineBrowser } from '../support/offline-browser.ts';
import { PROJECT_ROOT } from '../support/vite-server.ts';

export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');
/** The coach alone, past the safety gate (the gate has its own tests). */
export const HARNESS = '/tests/browser/pages/live-coach-harness.html';

/** Chromium flags for a fake camera fed from a clip (`undefined`: the built-in test pattern). */
export function fakeCameraArgs(clip: string | undefined, allow = true): string[] {
  return [
    '--use-fake-device-for-media-stream',
    ...(allow ? ['--use-fake-ui-for-media-stream'] : ['--deny-permission-prompts']),
    ...(clip ? [`--use-file-for-fake-video-capture=${clip}`] : []),
  ];
}

export interface CoachPage {
  browser: OfflineBrowser;
  page: Page;
  /** Uncaught page errors, to fail on. */
  errors: string[];
}

/** Opens the app with a fake camera; settings pinned (engine, voice off) so runs are comparable. */
export async function openCoach(
  serverUrl: string,
  args: string[],
  settings: Record<string, unknown> = { engine: 'mediapipe/lite' },
): Promise<CoachPage> {
  const browser = await openOfflineBrowser(serverUrl, {
    args,
    viewport: { width: 1280, height: 860 },
  });
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((s) => {
    localStorage.setItem('spinewise.coach-settings', JSON.stringify(s));
  }, settings);
  await page.goto(`${serverUrl}${HARNESS}`);
  await page.getByTestId('start-camera').waitFor({ timeout: 60_000 });
  return { browser, page, errors };
}

/** The coach's public measures (cue latencies, long tasks, trace of holds). */
export function measures(page: Page): Promise<CoachMeasures> {
  return page.evaluate(() => {
    const coach = document.querySelector('sw-live-coach')!;
    return JSON.parse(JSON.stringify(coach.measures)) as CoachMeasures;
  });
}

/** Pixels of the overlay canvas drawn in a skeleton colour (proof the skeleton is there). */
export function skeletonPixels(page: Page): Promise<number> {
  return page.getByTestId('overlay').evaluate((c: HTMLCanvasElement) => {
    if (!c.width || !c.height) return 0;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 200) n++;
    return n;
  });
}

/** Waits until the coach is in the live stage, starting it by hand if setup has not finished in `autoMs`. */
export async function reachLive(page: Page, autoMs = 15_000): Promise<'auto' | 'manual'> {
  try {
    await page.getByTestId('pause').waitFor({ timeout: autoMs });
    return 'auto';
  } catch {
    await page.getByTestId('start-now').click();
    await page.getByTestId('pause').waitFor({ timeout: 10_000 });
    return 'manual';
  }
}
