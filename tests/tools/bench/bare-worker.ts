/**
 * The bench's BARE loop (tests/tools/bench): a worker that makes the same
 * engine the app's pose worker makes (createPoseEngine, same assets) and
 * calls its `detect` on each frame, nothing else: no FloorTracker, no
 * network seal, no turned frames, no brightness. The frame arrives as the
 * page grabbed it; `prep` says how it is turned into what the model reads,
 * so the frame-grab variants of the camera investigation can be timed
 * apart from the model: `as-is` (the ImageBitmap itself, as the app does),
 * `bitmap-copy` (the bitmap copied by createImageBitmap here), `readback` (the bitmap drawn into a CPU 2D canvas and read back as
 * ImageData), `videoframe-bitmap` (a transferred VideoFrame made into an
 * ImageBitmap here), `videoframe-copy` (a VideoFrame copied out as RGBA),
 * `rgba` (RGBA bytes read back on the page).
 */
/// <reference lib="webworker" />
import { browserEngineAssets } from '../../../src/pose/browser-engine-assets.ts';
import { createPoseEngine, type EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import type { PoseEngine, PoseInput } from '../../../src/pose/pose-engine.ts';

declare const self: DedicatedWorkerGlobalScope;

export type Prep =
  | 'as-is'
  | 'bitmap-copy'
  | 'readback'
  | 'videoframe-bitmap'
  | 'videoframe-copy'
  | 'rgba';

export type ToBare =
  | { type: 'start'; spec: EngineSpec }
  | {
      type: 'frame';
      id: number;
      tMs: number;
      prep: Prep;
      frame: ImageBitmap | VideoFrame | { data: ArrayBuffer; width: number; height: number };
    }
  | { type: 'close' };

export type FromBare =
  | { type: 'ready'; loadMs: number; backend: string; fallback?: string }
  | { type: 'pose'; id: number; prepMs: number; modelMs: number; found: boolean }
  | { type: 'error'; message: string; id?: number };

let engine: PoseEngine | undefined;
let canvas: OffscreenCanvas | undefined;

function send(m: FromBare) {
  self.postMessage(m);
}

function readBack(image: ImageBitmap): ImageData {
  if (!canvas || canvas.width !== image.width || canvas.height !== image.height)
    canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height);
}

async function prepare(m: Extract<ToBare, { type: 'frame' }>): Promise<PoseInput> {
  const f = m.frame;
  switch (m.prep) {
    case 'as-is':
      return f as ImageBitmap;
    case 'bitmap-copy':
      return createImageBitmap(f as ImageBitmap);
    case 'readback':
      return readBack(f as ImageBitmap);
    case 'videoframe-bitmap':
      return createImageBitmap(f as VideoFrame);
    case 'videoframe-copy': {
      const vf = f as VideoFrame;
      const data = new Uint8ClampedArray(vf.displayWidth * vf.displayHeight * 4);
      await vf.copyTo(data, { format: 'RGBA' });
      return new ImageData(data, vf.displayWidth, vf.displayHeight);
    }
    case 'rgba': {
      const r = f as { data: ArrayBuffer; width: number; height: number };
      return new ImageData(new Uint8ClampedArray(r.data), r.width, r.height);
    }
  }
}

async function frame(m: Extract<ToBare, { type: 'frame' }>) {
  let input: PoseInput | undefined;
  try {
    if (!engine) throw new Error('frame before start');
    const t0 = performance.now();
    input = await prepare(m);
    const t1 = performance.now();
    const found = await engine.detect(input, m.tMs);
    send({
      type: 'pose',
      id: m.id,
      prepMs: t1 - t0,
      modelMs: performance.now() - t1,
      found: found !== null,
    });
  } catch (e) {
    send({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    if (input instanceof ImageBitmap && input !== m.frame) input.close();
    if ('close' in m.frame) m.frame.close();
  }
}

self.onmessage = (e: MessageEvent<ToBare>) => {
  const m = e.data;
  if (m.type === 'start') {
    const t0 = performance.now();
    browserEngineAssets()
      .then((assets) => createPoseEngine(m.spec, assets))
      .then((made) => {
        engine = made;
        send({
          type: 'ready',
          loadMs: performance.now() - t0,
          backend: made.runtime.backend,
          ...(made.runtime.fallback ? { fallback: made.runtime.fallback } : {}),
        });
      })
      .catch((err: unknown) =>
        send({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
      );
  } else if (m.type === 'frame') void frame(m);
  else {
    engine?.close();
    self.close();
  }
};
