/**
 * Same-origin URL prefixes of the runtime files (served by vite.config.ts in
 * dev and preview, copied into dist/ by the build). Nothing is fetched from
 * anywhere else.
 */
export const ASSET_URLS = {
  models: '/models/',
  mediapipeWasm: '/wasm/mediapipe/',
  tfjsWasm: '/wasm/tfjs/',
} as const;

/**
 * Where each wasm folder comes from: the build copies `include`d files of
 * `package/dir` to `url`, and `npm run models` lists them (size, SHA-256) in
 * models/manifest.json so they are checked before use like the models.
 */
export const WASM_SOURCES = [
  {
    url: ASSET_URLS.mediapipeWasm,
    package: '@mediapipe/tasks-vision',
    dir: 'wasm',
    include: /\.(js|wasm)$/,
  },
  {
    url: ASSET_URLS.tfjsWasm,
    package: '@tensorflow/tfjs-backend-wasm',
    dir: 'dist',
    include: /\.wasm$/,
  },
] as const;

/** tfjs-backend-wasm picks one of these by the browser's SIMD and thread support. */
export const TFJS_WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

/** The manifest key of a runtime file: its URL path without the leading slash ("wasm/tfjs/x.wasm"). */
export function runtimeFileKey(url: string): string {
  const path = url.startsWith('/') || !url.includes('://') ? url : new URL(url).pathname;
  return path.replace(/\/{2,}/g, '/').replace(/^\//, '');
}
