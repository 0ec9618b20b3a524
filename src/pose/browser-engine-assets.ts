import { ASSET_URLS } from './asset-urls.ts';
import type { EngineAssets } from './create-pose-engine.ts';
import { httpModelReader, ModelFiles } from './model-files.ts';

let cached: Promise<ModelFiles> | undefined;

/** Engine assets as the app serves them; the manifest is read once per page. */
export async function browserEngineAssets(): Promise<EngineAssets> {
  cached ??= ModelFiles.open(httpModelReader(ASSET_URLS.models), httpModelReader('/')).catch(
    (e: unknown) => {
      cached = undefined; // let a retry after `npm run models` succeed
      throw e;
    },
  );
  return {
    files: await cached,
    // MediaPipe adds its own '/': with ours too it would ask for `…//file.wasm`,
    // a URL that neither the precache nor the manifest check knows.
    mediapipeWasmUrl: ASSET_URLS.mediapipeWasm.replace(/\/$/, ''),
    tfjsWasmUrl: ASSET_URLS.tfjsWasm,
  };
}
