import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
// The app's own copy of the committed test still (tests/assets/engine-check-picture.test.ts keeps them equal).
import stillUrl from '../assets/engine-check/standing-arm-up.png';
import type { PoseFrame } from '../core/pose-frame.ts';
import type { EngineSpec } from '../pose/create-pose-engine.ts';
import type { EngineRuntime } from '../pose/pose-engine.ts';
import { hold } from '../pose/resource-count.ts';
import { type PoseResult, PoseWorkerClient } from '../pose/worker/pose-worker-client.ts';

/** Frames run per check; the median of their inference times is reported. */
export const CHECK_FRAMES = 5;

export interface StillPoseResult {
  spec: EngineSpec;
  runtime: EngineRuntime;
  /** From asking for the engine to its being ready in the pose worker (worker start, model fetch + checks), ms. */
  loadMs: number;
  /** Per-frame inference times in the worker, ms. */
  inferenceMs: number[];
  medianMs: number;
  frame: PoseFrame | null;
  image: ImageBitmap;
}

/**
 * Loads a chosen engine in the pose worker (as the live coach does: the page
 * itself never loads TensorFlow.js or MediaPipe) and runs it on the bundled
 * still image, timing both. Lifetime: owns at most one worker and one
 * ImageBitmap; the worker is ended when a check is done (or fails), the
 * picture kept for the next run and closed when the host leaves the page.
 */
export class StillPoseController implements ReactiveController {
  private client: PoseWorkerClient | undefined;
  private image: { bitmap: ImageBitmap; release: () => void } | undefined;
  readonly task: Task<[EngineSpec], StillPoseResult>;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: async ([spec], { signal }) => this.check(spec, signal),
    });
  }

  run(spec: EngineSpec) {
    return this.task.run([spec]);
  }

  private async check(spec: EngineSpec, signal: AbortSignal): Promise<StillPoseResult> {
    this.release();
    const image = await this.loadImage();
    const started = performance.now();
    // The picture is a standing figure: no turned frames (the engine alone, as timed).
    const client = await PoseWorkerClient.start(spec, { turnFrames: false, signal });
    this.client = client;
    try {
      const loadMs = performance.now() - started;
      const inferenceMs: number[] = [];
      let frame: PoseFrame | null = null;
      for (let i = 0; i < CHECK_FRAMES; i++) {
        signal.throwIfAborted();
        const pose = await detectOnce(client, await createImageBitmap(image), i * 33);
        inferenceMs.push(pose.inferenceMs);
        frame = pose.frame;
      }
      const sorted = [...inferenceMs].sort((a, b) => a - b);
      return {
        spec,
        runtime: client.info.runtime,
        loadMs,
        inferenceMs,
        medianMs: sorted[Math.floor(sorted.length / 2)]!,
        frame,
        image,
      };
    } finally {
      this.release();
    }
  }

  private async loadImage(): Promise<ImageBitmap> {
    if (this.image) return this.image.bitmap;
    const res = await fetch(stillUrl);
    if (!res.ok) throw new Error(`The test image could not be loaded (HTTP ${res.status}).`);
    const bitmap = await createImageBitmap(await res.blob());
    this.image = { bitmap, release: hold('image-bitmap') };
    return bitmap;
  }

  /** Ends the worker (the image is kept for the next run). */
  private release() {
    this.client?.close();
    this.client = undefined;
  }

  hostDisconnected() {
    this.release();
    if (this.image) {
      this.image.bitmap.close();
      this.image.release();
      this.image = undefined;
    }
  }
}

/** Sends one copy of the picture (transferred, the worker closes it) and waits for its pose. */
function detectOnce(
  client: PoseWorkerClient,
  bitmap: ImageBitmap,
  tMs: number,
): Promise<PoseResult> {
  return new Promise((resolve, reject) => {
    client.onPose = resolve;
    client.onFrameError = (message) => reject(new Error(message));
    client.onStalled = () => reject(new Error('The pose worker stopped answering.'));
    client.offer(bitmap, tMs);
  });
}
