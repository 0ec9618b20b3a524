/**
 * Starts the project's Vite dev server (same config, headers and CSP as
 * `npm start`), or a preview of the production build, on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview, type ViteDevServer } from 'vite';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `allowedHosts`: extra host names the server answers to (Vite refuses
 * unknown Host headers), e.g. a name the browser maps to 127.0.0.1.
 */
export async function startDevServer(allowedHosts: string[] = []): Promise<RunningServer> {
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
  /** The folder holding the production build (a fresh temporary one). */
  outDir: string;
  remove(): void;
}

/** `vite build` of the app into a fresh temporary folder. */
export async function buildApp(): Promise<AppBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'spinewise-dist-'));
  // Vitest sets NODE_ENV=test, and Vite builds a non-production bundle under
  // it (import.meta.env.PROD false: no service worker, dev paths kept).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: PROJECT_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/**
 * Builds the app (`vite build`, into a fresh temporary folder) and serves it
 * with `vite preview` (the headers and CSP of `npm run preview`) on a free
 * port; `close()` stops the server and removes the build.
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
