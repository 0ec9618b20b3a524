import { runtimeFileKey, TFJS_WASM_FILES } from './asset-urls.ts';
import type { MediaPipeDelegate, MediaPipeModel } from './mediapipe/mediapipe-engine.ts';
import type { ModelFiles } from './model-files.ts';
import type { PoseEngine } from './pose-engine.ts';
import type { TfjsBackend, TfjsModel } from './tfjs/tfjs-engine.ts';

export type EngineSpec =
  | { engine: 'mediapipe'; model: MediaPipeModel; delegate?: MediaPipeDelegate }
  | { engine: 'tfjs'; model: TfjsModel; backend?: TfjsBackend };

/** Where the same-origin runtime files are served (see vite.config.ts). */
export interface EngineAssets {
  files: ModelFiles;
  /** Folder of `@mediapipe/tasks-vision/wasm`. */
  mediapipeWasmUrl: string;
  /** Folder of tfjs-backend-wasm's `.wasm` files; omit in Node. */
  tfjsWasmUrl?: string;
}

function folder(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Loads only the chosen engine's code (each is a separate chunk in the app). */
export async function createPoseEngine(
  spec: EngineSpec,
  assets: EngineAssets,
): Promise<PoseEngine> {
  if (spec.engine === 'mediapipe') {
    const [{ createMediaPipeEngine }, { FilesetResolver }] = await Promise.all([
      import('./mediapipe/mediapipe-engine.ts'),
      import('@mediapipe/tasks-vision'),
    ]);
    // The same choice the engine makes (ES-module loader in a worker; SIMD or not), checked first.
    const inWorker = typeof document === 'undefined';
    const fileset = await FilesetResolver.forVisionTasks(assets.mediapipeWasmUrl, inWorker);
    await assets.files.verifyWasm(
      [fileset.wasmLoaderPath, fileset.wasmBinaryPath].map(runtimeFileKey),
    );
    return createMediaPipeEngine({
      model: spec.model,
      delegate: spec.delegate,
      files: assets.files,
      wasmBaseUrl: assets.mediapipeWasmUrl,
    });
  }
  const { createTfjsEngine, DEFAULT_TFJS_BACKEND } = await import('./tfjs/tfjs-engine.ts');
  const tfjsWasmUrl = assets.tfjsWasmUrl;
  if (tfjsWasmUrl && (spec.backend ?? DEFAULT_TFJS_BACKEND) === 'wasm') {
    // tfjs picks one of the three at start-up; all three are small (1.2 MB together).
    await assets.files.verifyWasm(
      TFJS_WASM_FILES.map((f) => runtimeFileKey(`${folder(tfjsWasmUrl)}${f}`)),
    );
  }
  return createTfjsEngine({
    model: spec.model,
    backend: spec.backend,
    files: assets.files,
    wasmPaths: assets.tfjsWasmUrl,
  });
}
