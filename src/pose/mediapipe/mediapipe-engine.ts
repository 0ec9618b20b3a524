import {
  FilesetResolver,
  type NormalizedLandmark,
  PoseLandmarker,
  type PoseLandmarkerOptions,
} from '@mediapipe/tasks-vision';
import { LANDMARK_COUNT } from '../../core/landmarks.ts';
import type { PoseFrame } from '../../core/pose-frame.ts';
import type { ModelFiles } from '../model-files.ts';
import {
  EngineClosedError,
  type EngineRuntime,
  inputSize,
  isRgbaImage,
  type PoseEngine,
  type PoseInput,
} from '../pose-engine.ts';
import { hold } from '../resource-count.ts';
import { softwareGlRenderer } from './software-gl.ts';

export const MEDIAPIPE_MODELS = ['lite', 'full', 'heavy'] as const;
export type MediaPipeModel = (typeof MEDIAPIPE_MODELS)[number];
/** `auto`: GPU unless WebGL is missing or software-only, and CPU if the GPU task fails. */
export type MediaPipeDelegate = 'auto' | 'GPU' | 'CPU';

export interface MediaPipeEngineOptions {
  model: MediaPipeModel;
  /** Default DEFAULT_MEDIAPIPE_DELEGATE. */
  delegate?: MediaPipeDelegate;
  files: ModelFiles;
  /** URL of the folder serving `@mediapipe/tasks-vision/wasm` (same origin). */
  wasmBaseUrl: string;
}

export const DEFAULT_MEDIAPIPE_DELEGATE: MediaPipeDelegate = 'auto';

/** Confidence floors, 0–1. MediaPipe's own defaults (0.5) drop people lying down too readily. */
const DETECTION_OPTIONS = {
  numPoses: 1,
  minPoseDetectionConfidence: 0.4,
  minPosePresenceConfidence: 0.4,
  minTrackingConfidence: 0.4,
  outputSegmentationMasks: false,
} satisfies Partial<PoseLandmarkerOptions>;

export function mediapipeTaskFile(model: MediaPipeModel): string {
  return `pose_landmarker_${model}.task`;
}

async function createLandmarker(
  options: MediaPipeEngineOptions,
  modelBytes: Uint8Array,
): Promise<{ landmarker: PoseLandmarker; runtime: EngineRuntime }> {
  // In a worker (the app's are ES-module workers) the loader script is
  // `import()`ed, and only the ES-module build of it sets `ModuleFactory`.
  const inWorker = typeof document === 'undefined';
  const fileset = await FilesetResolver.forVisionTasks(options.wasmBaseUrl, inWorker);
  const create = (delegate: 'GPU' | 'CPU') =>
    PoseLandmarker.createFromOptions(fileset, {
      // A fresh copy each time: the task may take ownership of the buffer.
      baseOptions: { modelAssetBuffer: modelBytes.slice(), delegate },
      runningMode: 'VIDEO',
      ...DETECTION_OPTIONS,
    });
  const wanted = options.delegate ?? DEFAULT_MEDIAPIPE_DELEGATE;
  if (wanted === 'CPU') return { landmarker: await create('CPU'), runtime: { backend: 'CPU' } };
  if (wanted === 'auto') {
    const software = softwareGlRenderer();
    if (software) {
      return {
        landmarker: await create('CPU'),
        runtime: {
          backend: 'CPU',
          fallback: `GPU skipped: WebGL is software-only here (${software})`,
        },
      };
    }
  }
  try {
    return { landmarker: await create('GPU'), runtime: { backend: 'GPU' } };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      landmarker: await create('CPU'),
      runtime: { backend: 'CPU', fallback: `GPU delegate failed (${reason}); using CPU` },
    };
  }
}

function toImageLandmarks(points: NormalizedLandmark[]) {
  return Array.from({ length: LANDMARK_COUNT }, (_, i) => {
    const p = points[i];
    return p ? { x: p.x, y: p.y, z: p.z, visibility: p.visibility ?? 0 } : null;
  });
}

/**
 * MediaPipe Tasks PoseLandmarker in VIDEO mode, from a verified local `.task`
 * and locally served wasm. Browser and worker only.
 */
export async function createMediaPipeEngine(options: MediaPipeEngineOptions): Promise<PoseEngine> {
  const modelBytes = await options.files.load(mediapipeTaskFile(options.model));
  const { landmarker, runtime } = await createLandmarker(options, modelBytes);
  const release = hold('mediapipe-task');
  const name = `mediapipe/${options.model}` as const;
  let closed = false;
  let lastTs = Number.NEGATIVE_INFINITY;

  return {
    id: 'mediapipe',
    model: options.model,
    runtime,
    async detect(input: PoseInput, tMs: number): Promise<PoseFrame | null> {
      if (closed) throw new EngineClosedError(name);
      // The task rejects timestamps that do not increase; keep its clock strictly monotonic.
      const ts = Math.max(Math.round(tMs), lastTs + 1);
      lastTs = ts;
      const image = isRgbaImage(input)
        ? new ImageData(new Uint8ClampedArray(input.data), input.width, input.height)
        : input;
      const size = inputSize(input);
      const result = landmarker.detectForVideo(image, ts);
      const points = result.landmarks[0];
      if (!points) return null;
      const world = result.worldLandmarks[0];
      return {
        tMs,
        engine: name,
        imageWidth: size.width,
        imageHeight: size.height,
        landmarks: toImageLandmarks(points),
        ...(world ? { world: world.map((p) => ({ x: p.x, y: p.y, z: p.z })) } : {}),
      };
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        landmarker.close();
      } finally {
        release();
      }
    },
  };
}
