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
