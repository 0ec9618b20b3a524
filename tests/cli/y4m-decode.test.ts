/**
 * The one y4m decoder (src/cli/y4m-decode.ts): colours written by the scene
 * renderer's writer (tests/tools/camera-clip/y4m.ts, BT.601 limited range)
 * come back within a few levels, black stays black and white white; a clip
 * in memory and the same clip read from a file by openY4m give the same
 * frames at the same times; a cut-off last frame is left out and a missing
 * FRAME mark is named.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { y4mInMemory, yuv420ToRgba } from '../../src/cli/y4m-decode.ts';
import { openY4m } from '../../src/cli/y4m-reader.ts';
import type { RgbaImage } from '../../src/pose/pose-engine.ts';
import { rgbaToI420, writeY4m } from '../tools/camera-clip/y4m.ts';

const COLOURS: [number, number, number][] = [
  [0, 0, 0],
  [255, 255, 255],
  [128, 128, 128],
  [200, 30, 40],
  [20, 180, 60],
  [30, 40, 220],
  [240, 200, 160],
];

/** A 2-pixel-high strip of 2×2 blocks, one colour each (so chroma subsampling loses nothing). */
function strip(shift = 0): RgbaImage {
  const width = COLOURS.length * 2;
  const data = new Uint8ClampedArray(width * 2 * 4);
  for (let x = 0; x < width; x++)
    for (let y = 0; y < 2; y++) {
      const c = COLOURS[((x >> 1) + shift) % COLOURS.length]!;
      data.set([...c, 255], (y * width + x) * 4);
    }
  return { data, width, height: 2 };
}

describe('y4m decoding', () => {
  it('gives back the renderer’s colours (BT.601 limited range) within 3 levels', () => {
    const image = strip();
    const back = yuv420ToRgba(rgbaToI420(image), image.width, image.height);
    let worst = 0;
    for (let i = 0; i < image.data.length; i++)
      worst = Math.max(worst, Math.abs(back.data[i]! - image.data[i]!));
    expect(worst).toBeLessThanOrEqual(3);
    expect([...back.data.subarray(0, 3)]).toEqual([0, 0, 0]);
    expect([...back.data.subarray(8, 11)]).toEqual([255, 255, 255]);
  });

  it('reads the same frames at the same times from memory and from a file; a cut-off frame is dropped', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spinewise-y4m-decode-')), 'clip.y4m');
    writeY4m(file, [strip(0), strip(1), strip(2)], 10);
    const bytes = new Uint8Array(readFileSync(file));
    const memory = y4mInMemory(bytes.subarray(0, bytes.length - 5)); // the last frame cut short
    expect(memory.info).toEqual({ width: 14, height: 2, fps: 10 });
    const inMemory = [...memory.frames()].map((f) => ({
      tMs: f.tMs,
      image: yuv420ToRgba(f.yuv, memory.info.width, memory.info.height),
    }));
    const video = openY4m(file);
    const fromFile = [...video.frames()];
    video.close();
    expect(inMemory.map((f) => f.tMs)).toEqual([0, 100]);
    expect(fromFile.map((f) => f.tMs)).toEqual([0, 100, 200]);
    expect(inMemory.map((f) => [...f.image.data])).toEqual(
      fromFile.slice(0, 2).map((f) => [...f.image.data]),
    );
  });

  it('names a missing FRAME mark and a file that is no y4m', () => {
    const header = new TextEncoder().encode('YUV4MPEG2 W2 H2 F10:1 C420jpeg\nFRAMX\n123456');
    expect(() => [...y4mInMemory(header).frames()]).toThrow('frame 1 has no FRAME mark');
    expect(() => y4mInMemory(new TextEncoder().encode('RIFF1234\n'))).toThrow(
      'not a YUV4MPEG2 video',
    );
  });
});
