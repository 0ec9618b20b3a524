/**
 * Writes RGBA frames as a YUV4MPEG2 (4:2:0, BT.601 limited range) file,
 * the format Chromium's fake camera reads frame-exact
 * (`--use-file-for-fake-video-capture=<file>.y4m`; it loops the clip).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { RgbaImage } from '../../../src/pose/pose-engine.ts';

/** One frame's I420 planes (Y full size, U and V at half size each way). */
export function rgbaToI420(image: RgbaImage): Uint8Array {
  const { width: w, height: h, data } = image;
  if (w % 2 || h % 2) throw new Error(`y4m 4:2:0 needs even sizes, got ${w}×${h}`);
  const out = new Uint8Array(w * h + (w * h) / 2);
  const u0 = w * h;
  const v0 = u0 + (w * h) / 4;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      out[y * w + x] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
    }
  }
  for (let y = 0; y < h; y += 2) {
    for (let x = 0; x < w; x += 2) {
      // Average the 2×2 block for the chroma sample.
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const i = ((y + dy) * w + x + dx) * 4;
        r += data[i]!;
        g += data[i + 1]!;
        b += data[i + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const k = (y / 2) * (w / 2) + x / 2;
      out[u0 + k] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      out[v0 + k] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  return out;
}

/** Streams frames into a .y4m file at `fps` frames per second. */
export function writeY4m(path: string, frames: Iterable<RgbaImage>, fps: number): number {
  const fd = openSync(path, 'w');
  let count = 0;
  try {
    for (const frame of frames) {
      if (count === 0) {
        writeSync(fd, `YUV4MPEG2 W${frame.width} H${frame.height} F${fps}:1 Ip A1:1 C420jpeg\n`);
      }
      writeSync(fd, 'FRAME\n');
      writeSync(fd, rgbaToI420(frame));
      count++;
    }
  } finally {
    closeSync(fd);
  }
  if (!count) throw new Error(`No frames to write into ${path}`);
  return count;
}
