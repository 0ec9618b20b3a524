/**
 * A .y4m video through a pose model in Node, as the app's pose worker runs
 * it: TF.js BlazePose (wasm backend) behind the FloorTracker (turned frames
 * for people on the floor), every frame at its media time, with the
 * trunk-usable rule deciding which frames count. Models come from models/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseFrame } from '../core/pose-frame.ts';
import { diskModelReader } from '../pose/disk-model-reader.ts';
import { FloorTracker } from '../pose/floor-tracker.ts';
import { ModelFiles } from '../pose/model-files.ts';
import { createTfjsEngine, type TfjsModel } from '../pose/tfjs/tfjs-engine.ts';
import { openY4m } from './y4m-reader.ts';

const MODELS_DIR = join(fileURLToPath(new URL('../..', import.meta.url)), 'models');

export async function posesFromY4m(
  path: string,
  model: TfjsModel,
  onProgress: (done: number, total: number | undefined) => void,
): Promise<{ tMs: number; frame: PoseFrame | null }[]> {
  const video = openY4m(path);
  const files = await ModelFiles.open(diskModelReader(MODELS_DIR));
  const tracker = new FloorTracker({
    createEngine: () => createTfjsEngine({ model, files, backend: 'wasm' }),
  });
  const poses: { tMs: number; frame: PoseFrame | null }[] = [];
  try {
    for (const { tMs, image } of video.frames()) {
      const tracked = await tracker.detect(image, tMs);
      poses.push({ tMs, frame: tracked.usable ? tracked.frame : null });
      onProgress(poses.length, undefined);
    }
  } finally {
    tracker.close();
    video.close();
  }
  return poses;
}
