/**
 * Vitest global setup of the browser project, run once per `vitest run`
 * in the main process before any browser test file. It holds, for every
 * file of the run (handed over by `provide`; tests/support/run-shared.ts):
 * - one Vite dev server: `startDevServer()` hands out its URL instead of
 *   starting one per file, so the app's modules are transformed once a run;
 * - one folder for one production build: `buildApp()` builds it on first
 *   use (under a lock) and every later file reuses it, so the 10–40 s
 *   `vite build` is paid once, and only by runs that need it;
 * - one Chromium with no extra flags: `openRunContext()` gives a fresh
 *   context in it, so a file needing no fake camera launches nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from '../support/chromium.ts';
import { startOwnDevServer } from '../support/vite-server.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startOwnDevServer();
  const chromium = await launchChromiumServer();
  const buildRoot = mkdtempSync(join(tmpdir(), 'spinewise-test-build-'));
  project.provide('spinewiseDevServerUrl', server.url);
  project.provide('spinewiseBuildRoot', buildRoot);
  project.provide('spinewiseChromiumWs', chromium.wsEndpoint());
  return async () => {
    await chromium.close();
    await server.close();
    rmSync(buildRoot, { recursive: true, force: true });
  };
}
