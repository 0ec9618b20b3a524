import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../../src/pose/pose-engine.ts';

/** Decodes a PNG file into RGBA pixels (Node side of the tests and tools). */
export function readPng(path: string): RgbaImage {
  const png = PNG.sync.read(readFileSync(path));
  return {
    data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length),
    width: png.width,
    height: png.height,
  };
}
