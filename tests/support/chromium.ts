/**
 * Launches Debian's Chromium through playwright-core for tests and scene
 * tools. Never downloads a browser. Fails with the install command when
 * Chromium is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserServer, chromium } from 'playwright-core';
import { OFFLINE_CHROMIUM_FLAGS } from '../../src/cli/offline-chromium-flags.ts';

export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium';

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Browser tests need Debian's Chromium: ` +
        `run \`${CHROMIUM_INSTALL_HINT}\` (or set CHROMIUM_PATH to a Chromium binary).`,
    );
  }
  return path;
}

export interface LaunchOptions {
  /** Extra Chromium flags, e.g. a fake camera file. */
  args?: string[];
  viewport?: { width: number; height: number };
}

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 };

function chromiumArgs(extra: string[] = []): string[] {
  return [...OFFLINE_CHROMIUM_FLAGS, ...extra];
}

/**
 * One Chromium for many tests: each takes a fresh context from it
 * (`browser.newContext()`: its own empty storage, cookies and IndexedDB),
 * which costs a fraction of a launch. Flags are per browser, so tests that
 * need their own (a fake camera clip) launch their own.
 */
export function launchSharedChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(args),
  });
}

/**
 * A Chromium that other processes connect to (`chromium.connect(wsEndpoint())`):
 * the browser project's global setup holds one for the whole run, so a test
 * file that needs no flags of its own pays for no launch at all.
 */
export function launchChromiumServer(args: string[] = []): Promise<BrowserServer> {
  return chromium.launchServer({
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(args),
  });
}

/** Connects to a Chromium started by `launchChromiumServer`. */
export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

/**
 * Chromium on the profile folder `profile`, kept when it closes: a later
 * launch on the same folder finds its IndexedDB, localStorage and cache, as
 * a person who closed the browser and opened it again would.
 */
export function launchChromiumProfile(
  profile: string,
  options: LaunchOptions = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: options.viewport ?? DEFAULT_VIEWPORT,
    args: chromiumArgs(options.args),
  });
}

/** A fresh profile each time; `close()` removes it. */
export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'spinewise-chromium-'));
  const context = await launchChromiumProfile(profile, options);
  context.on('close', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Chromium may still be flushing its profile; a leftover temp folder is harmless.
    }
  });
  return context;
}
