/**
 * A Chromium context pointed at one local server that records and refuses
 * every request leaving that origin (the page's and its workers'), so tests
 * can prove nothing leaves. Either a browser of its own
 * (`openOfflineBrowser`: per-browser flags such as a fake camera) or a fresh
 * context in a shared browser (`openOfflineContext`: much cheaper), or a
 * fresh context in the run's one Chromium (`openRunContext`: no launch at
 * all, for tests that need no Chromium flags).
 */
import type { Browser, BrowserContext, Download } from 'playwright-core';
import {
  connectChromium,
  DEFAULT_VIEWPORT,
  type LaunchOptions,
  launchChromium,
  launchChromiumProfile,
  launchSharedChromium,
} from './chromium.ts';
import { provided } from './run-shared.ts';

export interface OfflineBrowser {
  context: BrowserContext;
  /** URLs of requests that tried to leave the origin (blob:/data: are local and not counted). */
  offOrigin: string[];
  close(): Promise<void>;
}

async function guard(context: BrowserContext, origin: string): Promise<OfflineBrowser> {
  const offOrigin: string[] = [];
  const isLocal = (url: string) =>
    url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:');
  context.on('request', (r) => {
    if (!isLocal(r.url())) offOrigin.push(`${r.method()} ${r.url()}`);
  });
  await context.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  return { context, offOrigin, close: () => context.close() };
}

export async function openOfflineBrowser(
  origin: string,
  options?: LaunchOptions,
): Promise<OfflineBrowser> {
  return guard(await launchChromium(options), origin);
}

/** Chromium on a profile folder kept between launches (`launchChromiumProfile`), guarded likewise. */
export async function openOfflineProfile(
  origin: string,
  profile: string,
  options?: LaunchOptions,
): Promise<OfflineBrowser> {
  return guard(await launchChromiumProfile(profile, options), origin);
}

/** A fresh context (empty storage) in `browser`; `close()` closes the context only. */
export async function openOfflineContext(
  browser: Browser,
  origin: string,
  options: Pick<LaunchOptions, 'viewport'> = {},
): Promise<OfflineBrowser> {
  const context = await browser.newContext({ viewport: options.viewport ?? DEFAULT_VIEWPORT });
  return guard(context, origin);
}

let runChromium: Promise<Browser> | undefined;

/**
 * The run's one Chromium (no extra flags), held by the browser project's
 * global setup; outside a Vitest run, one launched for this process.
 */
export function runBrowser(): Promise<Browser> {
  runChromium ??= provided('spinewiseChromiumWs').then((ws) =>
    ws ? connectChromium(ws) : launchSharedChromium(),
  );
  return runChromium;
}

/**
 * A fresh context (empty storage, its own cookies and IndexedDB) in the
 * run's one Chromium, guarded like the others; `close()` closes the
 * context only. For tests that need no Chromium flags (no fake camera).
 */
export async function openRunContext(
  origin: string,
  options: Pick<LaunchOptions, 'viewport'> = {},
): Promise<OfflineBrowser> {
  return openOfflineContext(await runBrowser(), origin, options);
}

/**
 * A download's contents as text. Read through its stream, which works for
 * the run's Chromium too (`download.path()` has no local file when the
 * browser is connected to rather than launched here).
 */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
