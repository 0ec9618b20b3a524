/**
 * Drives the live coach in headless Chromium with a fake camera playing a
 * rendered scene clip (.y4m from tests/tools/make-camera-clip.ts). Reads
 * the element's state through its public `measures` and the rendered DOM.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { CoachMeasures } from '../../src/ui/live-session/live-coach.ts';
import { type AppPage, openAppPage } from '../support/app-page.ts';
import { launchSharedChromium } from '../support/chromium.ts';
import { PROJECT_ROOT, type RunningServer, startDevServer } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';

export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');
/** The coach alone, past the safety gate (the gate has its own tests). */
export const HARNESS = '/tests/browser/pages/live-coach-harness.html';

/**
 * How long a wait that includes loading a pose model in the worker may
 * take (Start → setup help): a few seconds on a quiet machine, past a
 * minute on a loaded 2-core one, where a 60 s wait failed tests that were
 * otherwise right.
 */
export const MODEL_LOAD_MS = 150_000;

/** Chromium flags for a fake camera fed from a clip (`undefined`: the built-in test pattern). */
export function fakeCameraArgs(clip: string | undefined, allow = true): string[] {
  return [
    '--use-fake-device-for-media-stream',
    ...(allow ? ['--use-fake-ui-for-media-stream'] : ['--deny-permission-prompts']),
    ...(clip ? [`--use-file-for-fake-video-capture=${clip}`] : []),
  ];
}

export type CoachPage = AppPage;

/**
 * Chromiums with a fake camera, one per set of flags, launched on first use
 * and shared by the tests of the file that imports this module (Vitest
 * loads it afresh for each file): each test gets a fresh context (empty
 * storage, its own camera stream) instead of a Chromium of its own. The
 * file closes them in its `afterAll` with `closeCameraBrowsers`.
 */
const cameraBrowsers = new Map<string, Promise<Browser>>();

/** The file's Chromium with these flags (e.g. `fakeCameraArgs(clip)`), launched on first use. */
export function cameraBrowser(args: string[]): Promise<Browser> {
  const key = JSON.stringify(args);
  let browser = cameraBrowsers.get(key);
  if (!browser) {
    browser = launchSharedChromium(args);
    // A launch that failed is not kept: the next test tries again.
    browser.catch(() => cameraBrowsers.delete(key));
    cameraBrowsers.set(key, browser);
  }
  return browser;
}

/** Closes every Chromium `cameraBrowser` launched for this file. */
export async function closeCameraBrowsers(): Promise<void> {
  const all = [...cameraBrowsers.values()];
  cameraBrowsers.clear();
  await Promise.all(all.map((b) => b.then((x) => x.close()).catch(() => {})));
}

/**
 * Opens the coach harness in a fresh context of the file's Chromium with
 * these camera flags; settings pinned (engine, voice off) so runs are
 * comparable. `close()` on the result's `browser` closes the context.
 */
export async function openCoach(
  serverUrl: string,
  args: string[],
  settings: Record<string, unknown> = { engine: 'mediapipe/lite' },
): Promise<CoachPage> {
  const coach = await openAppPage(serverUrl, {
    in: await cameraBrowser(args),
    viewport: { width: 1280, height: 860 },
    coachSettings: settings,
  });
  await coach.page.goto(`${serverUrl}${HARNESS}`);
  await coach.page.getByTestId('start-camera').waitFor({ timeout: 60_000 });
  return coach;
}

/** The one coach page a file's tests share, open from its `beforeAll` on. */
export interface SharedCoach {
  readonly server: RunningServer;
  readonly c: CoachPage;
}

/**
 * For a file whose tests walk one coach page in order: registers the
 * file's `beforeAll` (the scene's camera clip, the run's dev server, the
 * coach opened on that clip with `settings`) and `afterAll` (page, camera
 * Chromium, server closed). Read `server` and `c` inside tests and hooks.
 */
export function coachOnClip(scene: string, settings: Record<string, unknown>): SharedCoach {
  let server: RunningServer | undefined;
  let c: CoachPage | undefined;
  beforeAll(async () => {
    const clip = await cameraClip(scene);
    server = await startDevServer();
    c = await openCoach(server.url, fakeCameraArgs(clip), settings);
  }, 180_000);
  afterAll(async () => {
    await c?.browser.close();
    await closeCameraBrowsers();
    await server?.close();
  });
  const opened = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`coachOnClip(${scene}): no ${what} before beforeAll`);
    return v;
  };
  return {
    get server() {
      return opened(server, 'server');
    },
    get c() {
      return opened(c, 'coach page');
    },
  };
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
