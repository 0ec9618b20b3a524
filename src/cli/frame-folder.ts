/**
 * A folder of still frames (PNG or JPEG) as a video for the analyzer in
 * Node: the files in name order (so `frame-0001.png`, `frame-0002.png`…),
 * frame i at i ÷ fps seconds. Every frame must be the same kind of picture
 * the name says; one that cannot be decoded stops the analysis with its name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../pose/pose-engine.ts';

const KINDS: Record<string, 'png' | 'jpeg'> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' };

/** The frame files of `dir`, sorted by name (numbers in names in numeric order). */
export function frameFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => KINDS[extname(f).toLowerCase()])
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function decode(path: string): RgbaImage {
  const bytes = readFileSync(path);
  try {
    if (KINDS[extname(path).toLowerCase()] === 'png') {
      const png = PNG.sync.read(bytes);
      return { data: png.data, width: png.width, height: png.height };
    }
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return { data: img.data, width: img.width, height: img.height };
  } catch (e) {
    throw new Error(`frame ${path} cannot be decoded (${(e as Error).message})`);
  }
}

/** Each frame with its time (index ÷ fps), ms, decoded one at a time. */
export function* folderFrames(
  dir: string,
  fps: number,
): Generator<{ tMs: number; image: RgbaImage }> {
  const files = frameFiles(dir);
  for (const [i, f] of files.entries()) {
    yield { tMs: Math.round((i * 1000) / fps), image: decode(join(dir, f)) };
  }
}
