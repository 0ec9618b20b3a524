import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { defineConfig, type Plugin } from 'vitest/config';
import { ASSET_URLS } from './src/pose/asset-urls.ts';

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * The page is sealed: scripts, connections, workers and wasm from this origin
 * only, so no landmark, frame or log can leave (MediaPipe's usage-log POST is
 * refused by connect-src). `blob:` for scripts and workers is what tfjs's
 * threaded wasm needs: it starts its pthread workers from blob URLs that only
 * code already running on this page can create.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Cross-origin isolation (SharedArrayBuffer → wasm threads) plus the CSP. */
export const SECURITY_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
};

/** Same-origin runtime files: URL prefix → folder, and which files to publish. */
const RUNTIME_ASSETS = [
  { url: ASSET_URLS.models, dir: join(ROOT, 'models'), include: /\.(task|json|bin)$/ },
  {
    url: ASSET_URLS.mediapipeWasm,
    dir: join(ROOT, 'node_modules/@mediapipe/tasks-vision/wasm'),
    include: /\.(js|wasm)$/,
  },
  {
    url: ASSET_URLS.tfjsWasm,
    dir: join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'),
    include: /\.wasm$/,
  },
];

const MIME: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

/** Serves RUNTIME_ASSETS in dev/preview (404 when missing, never the SPA page) and copies them into dist/. */
function runtimeAssets(): Plugin {
  const serve: Plugin['configureServer'] = (server) => {
    server.middlewares.use((req, res, next) => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
      const asset = RUNTIME_ASSETS.find((a) => path.startsWith(a.url));
      if (!asset) return next();
      const file = normalize(join(asset.dir, path.slice(asset.url.length)));
      if (
        !file.startsWith(asset.dir) ||
        !asset.include.test(file) ||
        !existsSync(file) ||
        !statSync(file).isFile()
      ) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
      res.setHeader('Content-Length', statSync(file).size);
      createReadStream(file).pipe(res);
    });
  };
  return {
    name: 'spinewise-runtime-assets',
    configureServer: serve,
    configurePreviewServer: serve as Plugin['configurePreviewServer'],
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
    async writeBundle(options) {
      const out = options.dir ?? join(ROOT, 'dist');
      for (const a of RUNTIME_ASSETS) {
        const target = join(out, a.url);
        await mkdir(target, { recursive: true });
        await cp(a.dir, target, {
          recursive: true,
          filter: (src) => statSync(src).isDirectory() || a.include.test(src),
        });
      }
    },
  };
}

/** The emscripten module of tfjs's threaded SIMD wasm backend (CommonJS). */
const TFJS_THREADED_FACTORY =
  /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

/**
 * tfjs-backend-wasm starts each pthread worker from `factory.toString()`.
 * Minified, the factory reads the closure's `_scriptDir` under a short
 * name with its `typeof` guard folded away, so every pthread dies with
 * "e is not defined" and the engine never starts in the production build.
 * The factory gets back its shipped text (self-contained, as in dev) for
 * that one use; the code that runs on this thread is still the minified one.
 */
function keepTfjsThreadedFactorySource(): Plugin {
  return {
    name: 'spinewise-tfjs-threaded-factory-source',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!TFJS_THREADED_FACTORY.test(id.split('?')[0] ?? '')) return;
      // Evaluating the file only defines the factory (every outside name is typeof-guarded).
      const factory: unknown = runInNewContext(`${code}\n;WasmBackendModuleThreadedSimd`, {});
      if (typeof factory !== 'function') {
        this.error('tfjs-backend-wasm changed: WasmBackendModuleThreadedSimd is not a function');
      }
      const source = JSON.stringify(factory.toString());
      return {
        code: `${code}\n;WasmBackendModuleThreadedSimd.toString = () => ${source};\n`,
        map: null,
      };
    },
  };
}

const BROWSER_TESTS = 'tests/browser/**/*.test.ts';

export default defineConfig({
  plugins: [runtimeAssets(), keepTfjsThreadedFactorySource()],
  resolve: {
    alias: {
      // pose-detection imports the legacy runtime we never use; keep it (and its CDN URLs) out.
      '@mediapipe/pose': resolve(ROOT, 'src/pose/tfjs/mediapipe-pose-stub.ts'),
    },
  },
  server: { headers: SECURITY_HEADERS },
  preview: { headers: SECURITY_HEADERS },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // Worker bundles get only the plugins listed here; the tfjs engine runs in the worker.
  worker: { format: 'es', plugins: () => [keepTfjsThreadedFactorySource()] },
  optimizeDeps: {
    // Scan every page up front so the dev server never reloads mid-test to add a dependency.
    entries: ['index.html', 'tests/browser/pages/*.html', 'tests/tools/*-page/*.html'],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [BROWSER_TESTS],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER_TESTS],
          // Camera clips are rendered before any test, outside every time limit.
          globalSetup: ['tests/support/render-camera-clips.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
