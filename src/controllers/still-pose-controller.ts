import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
// The app's own copy of the committed test still (tests/assets/engine-check-picture.test.ts keeps them equal).
import stillUrl from '../assets/engine-check/standing-arm-up.png';
import type { PoseFrame } from '../core/pose-frame.ts';
import { browserEngineAssets } from '../pose/browser-engine-assets.ts';
import { createPoseEngine, type EngineSpec } from '../pose/create-pose-engine.ts';
import type { EngineRuntime, PoseEngine } from '../pose/pose-engine.ts';
import { hold } from '../pose/resource-count.ts';

/** Frames run per check; the median of their inference times is reported. */
export const CHECK_FRAMES = 5;

export interface StillPoseResult {
  spec: EngineSpec;
  runtime: EngineRuntime;
  /** Engine creation incl. model fetch + verification, ms. */
  loadMs: number;
  /** Per-frame inference times, ms. */
  inferenceMs: number[];
  medianMs: number;
  frame: PoseFrame | null;
  image: ImageBitmap;
}

/**
 * Loads a chosen engine and runs it on the bundled still image, timing both.
 * Lifetime: owns at most one engine and one ImageBitmap; replaces them on the
 * next run and frees both when the host leaves the page.
 */
export class StillPoseController implements ReactiveController {
  private engine: PoseEngine | undefined;
  private image: { bitmap: ImageBitmap; release: () => void } | undefined;
  readonly task: Task<[EngineSpec], StillPoseResult>;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: async ([spec]) => this.check(spec),
    });
  }

  run(spec: EngineSpec) {
    return this.task.run([spec]);
  }

  private async check(spec: EngineSpec): Promise<StillPoseResult> {
    this.release();
    const image = await this.loadImage();
    const started = performance.now();
    const engine = await createPoseEngine(spec, await browserEngineAssets());
    this.engine = engine;
    const loadMs = performance.now() - started;
    const inferenceMs: number[] = [];
    let frame: PoseFrame | null = null;
    for (let i = 0; i < CHECK_FRAMES; i++) {
      const t0 = performance.now();
      frame = await engine.detect(image, i * 33);
      inferenceMs.push(performance.now() - t0);
    }
    const sorted = [...inferenceMs].sort((a, b) => a - b);
    return {
      spec,
      runtime: engine.runtime,
      loadMs,
      inferenceMs,
      medianMs: sorted[Math.floor(sorted.length / 2)]!,
      frame,
      image,
    };
  }

  private async loadImage(): Promise<ImageBitmap> {
    if (this.image) return this.image.bitmap;
    const res = await fetch(stillUrl);
    if (!res.ok) throw new Error(`The test image could not be loaded (HTTP ${res.status}).`);
    const bitmap = await createImageBitmap(await res.blob());
    this.image = { bitmap, release: hold('image-bitmap') };
    return bitmap;
  }

  /** Frees the engine (the image is kept for the next run). */
  private release() {
    this.engine?.close();
    this.engine = undefined;
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
