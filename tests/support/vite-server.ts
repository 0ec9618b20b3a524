/**
 * Starts the project's Vite dev server (same config, headers and CSP as
 * `npm start`), or a preview of the production build, on a free port.
 *
 * Inside a browser test run, the project's global setup
 * (tests/browser/global-setup.ts) holds one dev server and one build folder
 * for the whole run: `startDevServer()` hands out that server (its
 * `close()` leaves it running for the next file) and `buildApp()` builds
 * the app once, on first use, and hands the same folder to every later
 * caller. Tools run outside Vitest (and tests needing their own server
 * options) get a server or build of their own, as before.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview, type ViteDevServer } from 'vite';
import { provided } from './run-shared.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The dev server. In a browser test run, the run's shared one (nothing to
 * compile twice); `allowedHosts` (extra host names the server answers to,
 * e.g. a name the browser maps to 127.0.0.1; Vite refuses unknown Host
 * headers) always gets a server of its own.
 */
export async function startDevServer(allowedHosts: string[] = []): Promise<RunningServer> {
  const shared = allowedHosts.length === 0 ? await provided('spinewiseDevServerUrl') : undefined;
  if (shared) return { url: shared, close: async () => {} };
  return startOwnDevServer(allowedHosts);
}

/** A dev server of this caller's own, whatever runs around it. */
export async function startOwnDevServer(allowedHosts: string[] = []): Promise<RunningServer> {
  const server: ViteDevServer = await createServer({
    root: PROJECT_ROOT,
    configFile: `${PROJECT_ROOT}/vite.config.ts`,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, allowedHosts },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('dev server did not bind a port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

export interface AppBuild {
  /** The folder holding the production build (read it, never write to it: files share it). */
  outDir: string;
  /** Removes a build of the caller's own; leaves the run's shared build alone. */
  remove(): void;
}

/** `vite build` of the app into `outDir`, as production (whatever NODE_ENV Vitest set). */
async function viteBuild(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, and Vite builds a non-production bundle under
  // it (import.meta.env.PROD false: no service worker, dev paths kept).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: PROJECT_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Builds `root/dist` once for the run: the first caller takes the lock
 * (`root/lock`, made atomically) and builds, later callers (other files, in
 * this worker or another) wait for `root/done`. A failed build frees the
 * lock for the next caller to try again.
 */
async function sharedBuild(root: string): Promise<string> {
  const outDir = join(root, 'dist');
  const done = join(root, 'done');
  const lock = join(root, 'lock');
  for (;;) {
    if (existsSync(done)) return outDir;
    try {
      mkdirSync(lock);
    } catch {
      // Another file is building: look again shortly (no time limit: a busy machine builds slowly).
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (!existsSync(done)) {
        await viteBuild(outDir);
        writeFileSync(done, new Date().toISOString());
      }
      return outDir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * The production build: in a browser test run, the run's one shared build
 * (made by the first caller); elsewhere, `vite build` into a fresh
 * temporary folder that `remove()` deletes.
 */
export async function buildApp(): Promise<AppBuild> {
  const root = await provided('spinewiseBuildRoot');
  if (root) return { outDir: await sharedBuild(root), remove: () => {} };
  const outDir = mkdtempSync(join(tmpdir(), 'spinewise-dist-'));
  await viteBuild(outDir);
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/**
 * Serves the production build (`buildApp()`) with `vite preview` (the
 * headers and CSP of `npm run preview`) on a free port; `close()` stops the
 * server and removes a build of its own.
 */
export async function startBuiltPreview(): Promise<RunningServer> {
  const { outDir, remove } = await buildApp();
  const server = await preview({
    root: PROJECT_ROOT,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server did not bind');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await new Promise<void>((r) => server.httpServer.close(() => r()));
      remove();
    },
  };
}
