import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { ModelFiles } from '../model-files.ts';
import {
  EngineClosedError,
  type EngineRuntime,
  inputSize,
  isRgbaImage,
  type PoseEngine,
  type PoseInput,
  type RgbaImage,
} from '../pose-engine.ts';
import { hold } from '../resource-count.ts';
import { graphModelHandler } from './graph-model-handler.ts';
import { keypointsToFrame } from './keypoints-to-frame.ts';

export const TFJS_MODELS = [
  'blazepose-lite',
  'blazepose-full',
  'movenet-lightning',
  'movenet-thunder',
] as const;
export type TfjsModel = (typeof TFJS_MODELS)[number];
export const TFJS_BACKENDS = ['wasm', 'webgl', 'cpu'] as const;
export type TfjsBackend = (typeof TFJS_BACKENDS)[number];

export interface TfjsEngineOptions {
  model: TfjsModel;
  /** Default DEFAULT_TFJS_BACKEND. wasm is the fast CPU path; webgl needs a real GPU to pay off. */
  backend?: TfjsBackend;
  files: ModelFiles;
  /**
   * URL prefix where tfjs-backend-wasm's `.wasm` files are served (browser).
   * Omit in Node, where the backend finds them next to its own script.
   */
  wasmPaths?: string;
}

export const DEFAULT_TFJS_BACKEND: TfjsBackend = 'wasm';

/** BlazePose's person detector is shared by the lite and full landmark models. */
const BLAZEPOSE_DETECTOR = 'tfjs/blazepose-detector.json';

let wasmPathsSet = false;

async function useBackend(
  backend: TfjsBackend,
  wasmPaths: string | undefined,
): Promise<EngineRuntime> {
  if (backend === 'wasm' && wasmPaths && !wasmPathsSet) {
    setWasmPaths(wasmPaths.endsWith('/') ? wasmPaths : `${wasmPaths}/`);
    wasmPathsSet = true;
  }
  // WebGL is a chunk of its own, fetched only when chosen (wasm is the default).
  if (backend === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  if (tf.getBackend() !== backend) {
    const ok = await tf.setBackend(backend);
    if (!ok) {
      await tf.setBackend('cpu');
      return { backend: 'cpu', fallback: `tfjs ${backend} backend could not start; using cpu` };
    }
  }
  await tf.ready();
  return { backend };
}

async function createDetector(
  model: TfjsModel,
  files: ModelFiles,
): Promise<poseDetection.PoseDetector> {
  if (model === 'blazepose-lite' || model === 'blazepose-full') {
    return poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
      runtime: 'tfjs',
      modelType: model === 'blazepose-lite' ? 'lite' : 'full',
      // Smoothing is ours (One Euro in core); the model's would hide what it saw.
      enableSmoothing: false,
      detectorModelUrl: graphModelHandler(files, BLAZEPOSE_DETECTOR),
      landmarkModelUrl: graphModelHandler(files, `tfjs/${model}.json`),
    });
  }
  return poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
    modelType:
      model === 'movenet-lightning'
        ? poseDetection.movenet.modelType.SINGLEPOSE_LIGHTNING
        : poseDetection.movenet.modelType.SINGLEPOSE_THUNDER,
    enableSmoothing: false,
    modelUrl: graphModelHandler(files, `tfjs/${model}.json`),
  });
}

function rgbTensor(image: RgbaImage): tf.Tensor3D {
  const { width, height, data } = image;
  const rgb = new Int32Array(width * height * 3);
  for (let p = 0, q = 0; p < data.length; p += 4, q += 3) {
    rgb[q] = data[p]!;
    rgb[q + 1] = data[p + 1]!;
    rgb[q + 2] = data[p + 2]!;
  }
  return tf.tensor3d(rgb, [height, width, 3], 'int32');
}

/** BlazePose (tfjs runtime) or MoveNet through @tensorflow-models/pose-detection; browser and Node. */
export async function createTfjsEngine(options: TfjsEngineOptions): Promise<PoseEngine> {
  const runtime = await useBackend(options.backend ?? DEFAULT_TFJS_BACKEND, options.wasmPaths);
  const detector = await createDetector(options.model, options.files);
  const release = hold('tfjs-detector');
  const name = `tfjs/${options.model}` as const;
  let closed = false;

  return {
    id: 'tfjs',
    model: options.model,
    runtime,
    async detect(input: PoseInput, tMs: number) {
      if (closed) throw new EngineClosedError(name);
      const size = inputSize(input);
      // No pixels, nobody to see (a video not started yet); the detector would throw and leak a tensor.
      if (!(size.width > 0 && size.height > 0)) return null;
      const tensor = isRgbaImage(input) ? rgbTensor(input) : undefined;
      try {
        const poses = await detector.estimatePoses(
          // pose-detection reads OffscreenCanvas like a canvas (drawImage/getImageData).
          tensor ?? (input as poseDetection.PoseDetectorInput),
          { maxPoses: 1, flipHorizontal: false },
          tMs,
        );
        const pose = poses[0];
        return pose ? keypointsToFrame(pose, size, tMs, name) : null;
      } finally {
        tensor?.dispose();
      }
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        detector.dispose();
      } finally {
        release();
      }
    },
  };
}
