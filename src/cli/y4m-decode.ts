/**
 * YUV4MPEG2 (.y4m) decoding with no Node or DOM dependency: the header, the
 * frames of a clip held in memory, and a frame's 4:2:0 planes as RGBA in
 * BT.601 limited range, the range the rendered camera clips are written in
 * (tests/tools/camera-clip/y4m.ts) and Chromium's fake camera shows them
 * in. The analyzer's reader (y4m-reader.ts, from a file in Node) and the
 * bench (from bytes, in a page) both decode with it.
 */
import type { RgbaImage } from '../pose/pose-engine.ts';

export interface Y4mInfo {
  width: number;
  height: number;
  /** Frames per second. */
  fps: number;
}

/** Size, rate and chroma from the header line; 4:2:0 only (C420, C420jpeg, C420paldv, C420mpeg2). */
export function parseY4mHeader(line: string): Y4mInfo {
  const [magic, ...params] = line.split(' ');
  if (magic !== 'YUV4MPEG2') throw new Error('not a YUV4MPEG2 video (no YUV4MPEG2 mark)');
  const get = (k: string) => params.find((p) => p.startsWith(k))?.slice(1);
  const width = Number(get('W'));
  const height = Number(get('H'));
  const [num, den] = (get('F') ?? '').split(':').map(Number);
  const colour = get('C') ?? '420jpeg';
  if (!colour.startsWith('420'))
    throw new Error(`colour format C${colour} is not read (only 4:2:0)`);
  if (!(width > 0 && height > 0 && num! > 0 && den! > 0))
    throw new Error('the header lacks a size (W, H) or a frame rate (F)');
  return { width, height, fps: num! / den! };
}

/** Bytes of one frame's planes (Y full size, U and V at half size each way). */
export function y4mFrameBytes({ width, height }: Y4mInfo): number {
  return width * height + 2 * (width >> 1) * (height >> 1);
}

/** A frame's time, ms: its index ÷ the rate. */
export function y4mFrameTimeMs(index: number, info: Y4mInfo): number {
  return Math.round((index * 1000) / info.fps);
}

/** One frame's I420 planes as RGBA (BT.601, limited range: Y 16–235, U and V 16–240). */
export function yuv420ToRgba(yuv: Uint8Array, width: number, height: number): RgbaImage {
  const cw = width >> 1;
  const uAt = width * height;
  const vAt = uAt + cw * (height >> 1);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = (y >> 1) * cw + (x >> 1);
      const Y = 1.164 * (yuv[y * width + x]! - 16);
      const U = yuv[uAt + c]! - 128;
      const V = yuv[vAt + c]! - 128;
      const o = (y * width + x) * 4;
      out[o] = Y + 1.596 * V;
      out[o + 1] = Y - 0.392 * U - 0.813 * V;
      out[o + 2] = Y + 2.017 * U;
      out[o + 3] = 255;
    }
  }
  return { data: out, width, height };
}

/** A clip in memory: its header, then each whole frame's planes (not yet converted) with index and time. */
export function y4mInMemory(bytes: Uint8Array): {
  info: Y4mInfo;
  frames: () => Generator<{ index: number; tMs: number; yuv: Uint8Array }>;
} {
  const eol = bytes.indexOf(0x0a);
  if (eol < 0) throw new Error('the header line has no end');
  const info = parseY4mHeader(new TextDecoder('latin1').decode(bytes.subarray(0, eol)));
  const size = y4mFrameBytes(info);
  function* frames() {
    let at = eol + 1;
    for (let index = 0; at < bytes.length; index++) {
      const mark = bytes.indexOf(0x0a, at);
      if (mark < 0) return;
      if (new TextDecoder('latin1').decode(bytes.subarray(at, at + 5)) !== 'FRAME')
        throw new Error(`frame ${index + 1} has no FRAME mark`);
      if (mark + 1 + size > bytes.length) return; // a cut-off last frame
      yield {
        index,
        tMs: y4mFrameTimeMs(index, info),
        yuv: bytes.subarray(mark + 1, mark + 1 + size),
      };
      at = mark + 1 + size;
    }
  }
  return { info, frames };
}
