/**
 * Dev-only page: runs rendered clip frames through real pose engines, with
 * the floor tracker and without it, under the app's own headers and CSP.
 */
import { browserEngineAssets } from '../../../src/pose/browser-engine-assets.ts';
import { createPoseEngine, type EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import { FloorTracker } from '../../../src/pose/floor-tracker.ts';
import type { RgbaImage } from '../../../src/pose/pose-engine.ts';
import { encodeTracked, type StreamFrame } from '../streams/landmark-stream.ts';

async function loadFrame(url: string): Promise<RgbaImage> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

export interface RecordResult {
  engine: string;
  backend: string;
  frames: StreamFrame[];
  plainUsable: string;
  /** Inference calls made by the tracker, for the cost of turning. */
  trackerCalls: number;
}

/**
 * One clip through one engine: fresh engines, so no track carries over from
 * another clip. `withPlain: false` skips the second pass without turned
 * frames (half the time, for the corpus): `plainUsable` then marks the
 * frames the tracker found usable upright.
 */
async function recordClip(
  spec: EngineSpec,
  frameUrls: string[],
  fps: number,
  withPlain = true,
): Promise<RecordResult> {
  const assets = await browserEngineAssets();
  const createEngine = () => createPoseEngine(spec, assets);
  const tracker = new FloorTracker({ createEngine });
  const plain = withPlain ? new FloorTracker({ createEngine, turnFrames: false }) : undefined;
  const frames: StreamFrame[] = [];
  let plainUsable = '';
  let trackerCalls = 0;
  let engineName = '';
  let backend = '';
  try {
    for (const [i, url] of frameUrls.entries()) {
      const image = await loadFrame(url);
      const tMs = (i * 1000) / fps;
      const tracked = await tracker.detect(image, tMs);
      trackerCalls += tracked.tried.length;
      frames.push(encodeTracked(tracked, tMs));
      const upright = plain
        ? (await plain.detect(image, tMs)).usable
        : tracked.usable && tracked.orientation === 0;
      plainUsable += upright ? '1' : '0';
    }
    const info = await (plain ?? tracker).engineInfo();
    engineName = info.engine;
    backend = info.runtime.backend;
  } finally {
    tracker.close();
    plain?.close();
  }
  return { engine: engineName, backend, frames, plainUsable, trackerCalls };
}

const recorder = { recordClip, ready: true };
declare global {
  interface Window {
    recorder: typeof recorder;
  }
}
window.recorder = recorder;
