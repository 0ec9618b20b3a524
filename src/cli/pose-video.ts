/**
 * Frames (a .y4m video, or a folder of PNG/JPEG stills) through a pose
 * model in Node, as the app's pose worker runs it: TF.js (wasm backend)
 * behind the FloorTracker (turned frames for people on the floor), every
 * frame at its media time, with the trunk-usable rule deciding which frames
 * count. Models come from models/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseFrame } from '../core/pose-frame.ts';
import { diskModelReader } from '../pose/disk-model-reader.ts';
import { FloorTracker } from '../pose/floor-tracker.ts';
import { ModelFiles } from '../pose/model-files.ts';
import type { RgbaImage } from '../pose/pose-engine.ts';
import { createTfjsEngine, type TfjsModel } from '../pose/tfjs/tfjs-engine.ts';
import { folderFrames, frameFiles } from './frame-folder.ts';
import { openY4m } from './y4m-reader.ts';

const MODELS_DIR = join(fileURLToPath(new URL('../..', import.meta.url)), 'models');

type Progress = (done: number, total: number | undefined) => void;
type TimedPoses = { tMs: number; frame: PoseFrame | null }[];

async function posesFromFrames(
  frames: Iterable<{ tMs: number; image: RgbaImage }>,
  model: TfjsModel,
  onProgress: (done: number) => void,
): Promise<TimedPoses> {
  const files = await ModelFiles.open(diskModelReader(MODELS_DIR));
  const tracker = new FloorTracker({
    createEngine: () => createTfjsEngine({ model, files, backend: 'wasm' }),
  });
  const poses: TimedPoses = [];
  try {
    for (const { tMs, image } of frames) {
      const tracked = await tracker.detect(image, tMs);
      poses.push({ tMs, frame: tracked.usable ? tracked.frame : null });
      onProgress(poses.length);
    }
  } finally {
    tracker.close();
  }
  return poses;
}

export async function posesFromY4m(
  path: string,
  model: TfjsModel,
  onProgress: Progress,
): Promise<TimedPoses> {
  const video = openY4m(path);
  try {
    return await posesFromFrames(video.frames(), model, (n) => onProgress(n, undefined));
  } finally {
    video.close();
  }
}

/** A folder of PNG/JPEG frames in name order, frame i at i ÷ fps s. */
export async function posesFromFolder(
  dir: string,
  fps: number,
  model: TfjsModel,
  onProgress: Progress,
): Promise<TimedPoses> {
  const total = frameFiles(dir).length;
  if (total === 0) throw new Error('the folder holds no .png, .jpg or .jpeg frames');
  return posesFromFrames(folderFrames(dir, fps), model, (n) => onProgress(n, total));
}
