/**
 * The bench's "decoded frames": frames of a YUV4MPEG2 clip as RGBA, the
 * very pictures the fake camera plays from the same file. Decoded by the
 * analyzer's own y4m decoder (src/cli/y4m-decode.ts, BT.601 limited range,
 * no Node or DOM dependency), so it runs in the bench page and in Node.
 */
import { y4mInMemory, yuv420ToRgba } from '../../../src/cli/y4m-decode.ts';
import type { RgbaImage } from '../../../src/pose/pose-engine.ts';

/** Up to `count` frames from the start of the clip (every `step`-th), as RGBA. */
export function decodeY4m(bytes: Uint8Array, count: number, step = 1): RgbaImage[] {
  const { info, frames } = y4mInMemory(bytes);
  const out: RgbaImage[] = [];
  for (const { index, yuv } of frames()) {
    if (out.length >= count) break;
    if (index % step === 0) out.push(yuv420ToRgba(yuv, info.width, info.height));
  }
  return out;
}
