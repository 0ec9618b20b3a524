import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rgbaToI420, writeY4m } from './y4m.ts';

const solid = (r: number, g: number, b: number, w = 4, h = 2) => ({
  width: w,
  height: h,
  data: new Uint8Array(Array.from({ length: w * h }, () => [r, g, b, 255]).flat()),
});

describe('y4m writer', () => {
  it('BT.601 limited range: black 16/128/128, white 235/128/128, red has V high', () => {
    expect([...rgbaToI420(solid(0, 0, 0))]).toEqual([
      16, 16, 16, 16, 16, 16, 16, 16, 128, 128, 128, 128,
    ]);
    const white = rgbaToI420(solid(255, 255, 255));
    expect(white[0]).toBe(235);
    expect(white[8]).toBe(128);
    const red = rgbaToI420(solid(255, 0, 0));
    expect(red[0]).toBe(82); // 16 + 0.257·255
    expect(red[8]).toBe(90); // U: 128 − 0.148·255
    expect(red[10]).toBe(240); // V: 128 + 0.439·255
  });

  it('writes the header Chromium reads and one FRAME per image', () => {
    const dir = mkdtempSync(join(tmpdir(), 'y4m-'));
    try {
      const file = join(dir, 'a.y4m');
      expect(writeY4m(file, [solid(0, 0, 0), solid(255, 255, 255)], 10)).toBe(2);
      const bytes = readFileSync(file);
      const header = 'YUV4MPEG2 W4 H2 F10:1 Ip A1:1 C420jpeg\n';
      expect(bytes.subarray(0, header.length).toString()).toBe(header);
      expect(bytes.length).toBe(header.length + 2 * ('FRAME\n'.length + 12));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses odd sizes (4:2:0 needs even)', () => {
    expect(() => rgbaToI420(solid(0, 0, 0, 3, 2))).toThrow(/even sizes, got 3×2/);
  });
});
