/**
 * A Chromium context pointed at one local server that records and refuses
 * every request leaving that origin, so tests can prove nothing leaves.
 */
import type { BrowserContext } from 'playwright-core';
import { type LaunchOptions, launchChromium } from './chromium.ts';

export interface OfflineBrowser {
  context: BrowserContext;
  /** URLs of requests that tried to leave the origin (blob:/data: are local and not counted). */
  offOrigin: string[];
  close(): Promise<void>;
}

export async function openOfflineBrowser(
  origin: string,
  options?: LaunchOptions,
): Promise<OfflineBrowser> {
  const context = await launchChromium(options);
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
