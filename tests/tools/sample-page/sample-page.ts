/**
 * Dev-only page: renders the figure in random twists from random cameras
 * and runs the real pose engine on each picture, so the torso-rotation
 * network learns from the detector's own landmarks (with the true rotation).
 */
import type { PoseFrame } from '../../../src/core/pose-frame.ts';
import { isUsablePose } from '../../../src/core/usable-pose.ts';
import { browserEngineAssets } from '../../../src/pose/browser-engine-assets.ts';
import { createPoseEngine, type EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import { prng } from '../rotation/prng.ts';
import { randomTwist } from '../scene-page/pose-samples.ts';
import { renderCanvas, room } from '../scene-page/room.ts';

export interface DetectedSample {
  frame: PoseFrame;
  rotationDeg: number;
}

async function detectedSamples(
  spec: EngineSpec,
  count: number,
  seed: number,
  /** Detections of each picture in a row, keeping the last: >1 samples the tracked landmarks, as in the clips. */
  repeats = 1,
): Promise<DetectedSample[]> {
  const rand = prng(seed);
  const engine = await createPoseEngine(spec, await browserEngineAssets());
  const out: DetectedSample[] = [];
  const width = 640;
  const height = 360;
  // The pictures are unrelated: a blank frame between them makes the video-mode
  // engine drop its track, so each picture gets a fresh search.
  const blank = new ImageData(width, height);
  try {
    for (let i = 0; i < count; i++) {
      const { man, camera, rotationDeg } = randomTwist(rand, width, height);
      const bitmap = await createImageBitmap(renderCanvas(camera, width, height));
      room.remove(man);
      try {
        const t0 = i * 100 * (repeats + 1);
        await engine.detect(blank, t0);
        let frame: PoseFrame | null = null;
        for (let r = 1; r <= repeats; r++) frame = await engine.detect(bitmap, t0 + r * 100);
        if (frame && isUsablePose(frame)) out.push({ frame, rotationDeg });
      } finally {
        bitmap.close();
      }
    }
  } finally {
    engine.close();
  }
  return out;
}

const sampler = { detectedSamples, ready: true };
declare global {
  interface Window {
    sampler: typeof sampler;
  }
}
window.sampler = sampler;
