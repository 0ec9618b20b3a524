import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Plugin } from 'vitest/config';
import type { ManifestTransform } from 'workbox-build';
import { ASSET_URLS, WASM_SOURCES } from './src/pose/asset-urls.ts';
import { parseManifest } from './src/pose/model-manifest.ts';

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
  ...WASM_SOURCES.map((w) => ({
    url: w.url,
    dir: join(ROOT, 'node_modules', w.package, w.dir),
    include: w.include,
  })),
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

/**
 * What the service worker precaches: the app shell, and what a first
 * session runs (the live coach's default: MediaPipe lite in the worker,
 * whose loader is the ES-module build). The Engine check's page-side wasm,
 * the other models and tfjs's files are cached on first use instead (38 MB
 * more that most visits never touch).
 */
const PRECACHE = [
  '*.{html,ico,svg,webmanifest}',
  'icons/*.{svg,png}',
  'assets/**/*.{js,css,png,webp,svg}',
  'models/manifest.json',
  'models/pose_landmarker_lite.task',
  'wasm/mediapipe/vision_wasm_module_internal.{js,wasm}',
];

/** Largest precached file: the MediaPipe worker wasm (13 MB). */
const PRECACHE_MAX_BYTES = 16 * 1024 * 1024;

function hexToBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

/**
 * Models and wasm in the precache get their SHA-256 from models/manifest.json
 * as revision and integrity: a rebuild that changes one replaces exactly
 * that file, and a corrupt copy on the server fails the worker's install.
 */
const revisionByModelManifest: ManifestTransform = (entries) => {
  const file = join(ROOT, 'models/manifest.json');
  if (!existsSync(file)) return { manifest: entries, warnings: ['models/manifest.json missing'] };
  const manifest = parseManifest(readFileSync(file, 'utf8'));
  const listed = (url: string) =>
    url.startsWith('models/') ? manifest.files[url.slice('models/'.length)] : manifest.wasm?.[url];
  return {
    manifest: entries.map((e) => {
      const entry = listed(e.url);
      if (!entry) return e;
      return { ...e, revision: entry.sha256, integrity: `sha256-${hexToBase64(entry.sha256)}` };
    }),
  };
};

/** Offline and installable (README "Offline and install"). */
function offlineApp() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'service-worker.ts',
    // Registered by src/offline/register-service-worker.ts (no inline script under the CSP).
    injectRegister: false,
    manifest: {
      name: 'Spinewise: upper-back stretch coach',
      short_name: 'Spinewise',
      description:
        'Coaches three upper-back stretches from your camera; the pose model runs on this device.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#f7f5f2',
      theme_color: '#0b7a75',
      icons: [
        { src: '/icons/spinewise.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    injectManifest: {
      globPatterns: PRECACHE,
      maximumFileSizeToCacheInBytes: PRECACHE_MAX_BYTES,
      manifestTransforms: [revisionByModelManifest],
      // Hashed names need no cache-busting revision.
      dontCacheBustURLsMatching: /^assets\//,
      rollupFormat: 'iife',
    },
    devOptions: { enabled: false },
  });
}

/** Output options shared by the page and worker bundles: licence comments go to one file instead. */
const LEAN_OUTPUT = { comments: { legal: false, annotation: false, jsdoc: false } };
export const LICENCES_FILE = 'third-party-licences.txt';

/** Package root of a bundled module id (`…/node_modules/@scope/name/…`), or undefined for our code. */
function packageRoot(id: string): string | undefined {
  const m = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id.split('?')[0] ?? '');
  return m?.[1];
}

/** Packages bundled by the page and by the workers (their builds share this set). */
const bundledPackages = new Set<string>();

/**
 * Gathers the licence of every bundled npm package into LICENCES_FILE
 * (each package once, with its licence text), as the chunks no longer
 * carry ~1,300 repeated licence comments.
 */
function gatherLicences(emit: boolean): Plugin {
  return {
    name: 'spinewise-gather-licences',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          const root = packageRoot(id);
          if (root) bundledPackages.add(root);
        }
      }
      if (!emit) return;
      const parts = [...bundledPackages].sort().map((root) => {
        const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
          name: string;
          version: string;
          license?: string;
        };
        const licenceFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE']
          .map((f) => join(root, f))
          .find((f) => existsSync(f));
        const text = licenceFile
          ? readFileSync(licenceFile, 'utf8').trim()
          : '(no licence file shipped)';
        return `${pkg.name}@${pkg.version} — ${pkg.license ?? 'licence not stated'}\n\n${text}\n`;
      });
      this.emitFile({
        type: 'asset',
        fileName: LICENCES_FILE,
        source: `Third-party software bundled in Spinewise\n\n${parts.join(`\n${'-'.repeat(72)}\n\n`)}`,
      });
    },
  };
}

const BROWSER_TESTS = 'tests/browser/**/*.test.ts';

export default defineConfig({
  plugins: [runtimeAssets(), keepTfjsThreadedFactorySource(), gatherLicences(true), offlineApp()],
  resolve: {
    alias: {
      // pose-detection imports the legacy runtime we never use; keep it (and its CDN URLs) out.
      '@mediapipe/pose': resolve(ROOT, 'src/pose/tfjs/mediapipe-pose-stub.ts'),
    },
  },
  server: { headers: SECURITY_HEADERS },
  preview: { headers: SECURITY_HEADERS },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { output: LEAN_OUTPUT },
  },
  // Worker bundles get only the plugins listed here; the tfjs engine runs in the worker.
  worker: {
    format: 'es',
    plugins: () => [keepTfjsThreadedFactorySource(), gatherLicences(false)],
    rolldownOptions: { output: LEAN_OUTPUT },
  },
  optimizeDeps: {
    // Scan every page up front so the dev server never reloads mid-test to add a dependency.
    entries: [
      'index.html',
      'src/cli/browser/*.html',
      'tests/browser/pages/*.html',
      'tests/tools/*-page/*.html',
    ],
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
          // Camera clips are rendered before any test, outside every time limit;
          // then one dev server, one build folder and one Chromium serve the whole run.
          globalSetup: ['tests/support/render-camera-clips.ts', 'tests/browser/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One file at a time unless asked (two at once on 2 cores is not yet shown free of flakes).
          fileParallelism: process.env.SPINEWISE_BROWSER_PARALLEL === '1',
        },
      },
    ],
  },
});
