/** Starts the project's Vite dev server (same config, headers and CSP as `npm start`) on a free port. */
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startDevServer(): Promise<RunningServer> {
  const server: ViteDevServer = await createServer({
    root: PROJECT_ROOT,
    configFile: `${PROJECT_ROOT}/vite.config.ts`,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('dev server did not bind a port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
