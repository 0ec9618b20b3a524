/**
 * The page setup the browser tests share: a fresh guarded context (nothing
 * may leave the origin; offline-browser.ts), a page in it whose uncaught
 * errors are collected to fail on, and, where asked, the coach's settings
 * stored before any of the app's scripts run (engine pinned, voice off),
 * so runs are comparable.
 */
import type { Browser, Page } from 'playwright-core';
import type { LaunchOptions } from './chromium.ts';
import { type OfflineBrowser, openOfflineContext, openRunContext } from './offline-browser.ts';

export const COACH_SETTINGS_KEY = 'spinewise.coach-settings';

export interface AppPage {
  browser: OfflineBrowser;
  page: Page;
  /** Uncaught page errors (their messages), to fail on. */
  errors: string[];
}

export interface AppPageOptions extends Pick<LaunchOptions, 'viewport'> {
  /** A Chromium of the file's own (a fake camera, say); default: the run's one Chromium. */
  in?: Browser;
  /** Coach settings in localStorage before the page's first script (e.g. `{ engine: 'mediapipe/lite' }`). */
  coachSettings?: Record<string, unknown>;
}

/** A new page in `context`, its errors collected and, if given, the coach's settings pinned. */
export async function openPageIn(
  context: OfflineBrowser,
  coachSettings?: Record<string, unknown>,
): Promise<Omit<AppPage, 'browser'>> {
  const page = await context.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (coachSettings) {
    await page.addInitScript(
      ([key, settings]) => localStorage.setItem(key, JSON.stringify(settings)),
      [COACH_SETTINGS_KEY, coachSettings] as const,
    );
  }
  return { page, errors };
}

/** A fresh context (empty storage) in `options.in` or the run's Chromium, with one page as `openPageIn` makes it. */
export async function openAppPage(origin: string, options: AppPageOptions = {}): Promise<AppPage> {
  const { viewport } = options;
  const browser = options.in
    ? await openOfflineContext(options.in, origin, { viewport })
    : await openRunContext(origin, { viewport });
  return { browser, ...(await openPageIn(browser, options.coachSettings)) };
}
