/**
 * Decodes frames of a YUV4MPEG2 (4:2:0) clip to RGBA, BT.601 limited range
 * (the inverse of tests/tools/camera-clip/y4m.ts): the bench's "decoded
 * frames", the very pictures the fake camera plays from the same file.
 * No Node or DOM dependency: runs in the bench page and in Node.
 */
import type { RgbaImage } from '../../../src/pose/pose-engine.ts';
import { y4mHeader } from './y4m-header.ts';

const clamp = (v: number) => Math.min(255, Math.max(0, v));

/** Up to `count` frames from the start of the clip (every `step`-th), as RGBA. */
export function decodeY4m(bytes: Uint8Array, count: number, step = 1): RgbaImage[] {
  const eol = bytes.indexOf(0x0a);
  const { width: w, height: h } = y4mHeader(
    new TextDecoder('latin1').decode(bytes.subarray(0, eol)),
  );
  const frameBytes = w * h * 1.5;
  const out: RgbaImage[] = [];
  let at = eol + 1;
  for (let k = 0; out.length < count && at < bytes.length; k++) {
    const frameEol = bytes.indexOf(0x0a, at);
    if (frameEol < 0) break;
    const start = frameEol + 1;
    if (k % step === 0) {
      const yuv = bytes.subarray(start, start + frameBytes);
      const data = new Uint8ClampedArray(w * h * 4);
      const u0 = w * h;
      const v0 = u0 + (w * h) / 4;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const c = 1.164 * (yuv[y * w + x]! - 16);
          const k2 = (y >> 1) * (w >> 1) + (x >> 1);
          const d = yuv[u0 + k2]! - 128;
          const e = yuv[v0 + k2]! - 128;
          const i = (y * w + x) * 4;
          data[i] = clamp(c + 1.596 * e);
          data[i + 1] = clamp(c - 0.392 * d - 0.813 * e);
          data[i + 2] = clamp(c + 2.017 * d);
          data[i + 3] = 255;
        }
      }
      out.push({ data, width: w, height: h });
    }
    at = start + frameBytes;
  }
  return out;
}
