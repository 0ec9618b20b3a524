/**
 * The plainest static host: files from one folder with a Content-Type and
 * nothing else — no CSP, no COOP/COEP, no cache headers — so a test sees
 * the app as a bare web server would serve it. `missing` makes chosen paths
 * 404 (a model file that fails to load); `extra` serves in-memory files
 * next to the build (a probe script a test needs); `headers` adds chosen
 * headers (the preview's, to fault a file under the real ones).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { RunningServer } from './vite-server.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
  '.task': 'application/octet-stream',
};

export interface BareServerOptions {
  /** Paths (URL pathnames) answered with 404 although the file exists. */
  missing?: (path: string) => boolean;
  /** In-memory files by pathname, e.g. `{ '/probe.js': 'fetch(…)' }`. */
  extra?: Record<string, string>;
  /** Headers sent with every answer (none by default: that is the point). */
  headers?: Record<string, string>;
}

export interface BareServer extends RunningServer {
  /** Pathnames requested so far, in order. */
  requested: string[];
}

export async function startBareStaticServer(
  root: string,
  options: BareServerOptions = {},
): Promise<BareServer> {
  const requested: string[] = [];
  const server = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    const extra = options.extra?.[path];
    if (extra !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'text/plain' });
      res.end(extra);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const info = file.startsWith(root + sep) ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile() || options.missing?.(path)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
