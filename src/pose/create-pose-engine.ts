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

/** Loads only the chosen engine's code (each is a separate chunk in the app). */
export async function createPoseEngine(
  spec: EngineSpec,
  assets: EngineAssets,
): Promise<PoseEngine> {
  if (spec.engine === 'mediapipe') {
    const { createMediaPipeEngine } = await import('./mediapipe/mediapipe-engine.ts');
    return createMediaPipeEngine({
      model: spec.model,
      delegate: spec.delegate,
      files: assets.files,
      wasmBaseUrl: assets.mediapipeWasmUrl,
    });
  }
  const { createTfjsEngine } = await import('./tfjs/tfjs-engine.ts');
  return createTfjsEngine({
    model: spec.model,
    backend: spec.backend,
    files: assets.files,
    wasmPaths: assets.tfjsWasmUrl,
  });
}
