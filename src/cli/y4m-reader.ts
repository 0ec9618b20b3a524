/**
 * Reads a YUV4MPEG2 (.y4m) video frame by frame, as RGBA pictures (Node):
 * the format of the rendered camera clips. 4:2:0 chroma only (C420, C420jpeg,
 * C420paldv, C420mpeg2); full-range BT.601 colour as the clips are written.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { RgbaImage } from '../pose/pose-engine.ts';

export interface Y4mInfo {
  width: number;
  height: number;
  /** Frames per second. */
  fps: number;
}

const HEADER_LIMIT = 1024;

function readLine(fd: number, at: number): { line: string; next: number } | undefined {
  const buf = Buffer.alloc(HEADER_LIMIT);
  const n = readSync(fd, buf, 0, HEADER_LIMIT, at);
  if (n === 0) return undefined;
  const end = buf.subarray(0, n).indexOf(0x0a);
  if (end < 0) throw new Error('a header line has no end');
  return { line: buf.subarray(0, end).toString('latin1'), next: at + end + 1 };
}

function parseHeader(line: string): Y4mInfo {
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

const clampByte = (v: number) => Math.max(0, Math.min(255, v));

function toRgba(yuv: Buffer, width: number, height: number): RgbaImage {
  const cw = width >> 1;
  const uAt = width * height;
  const vAt = uAt + cw * (height >> 1);
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = (y >> 1) * cw + (x >> 1);
      const Y = yuv[y * width + x]!;
      const U = yuv[uAt + c]! - 128;
      const V = yuv[vAt + c]! - 128;
      const o = (y * width + x) * 4;
      out[o] = clampByte(Y + 1.402 * V);
      out[o + 1] = clampByte(Y - 0.344136 * U - 0.714136 * V);
      out[o + 2] = clampByte(Y + 1.772 * U);
      out[o + 3] = 255;
    }
  }
  return { data: out, width, height };
}

/** The video's size and rate, then each frame with its time (frame index ÷ rate), ms. */
export function openY4m(path: string): {
  info: Y4mInfo;
  frames: () => Generator<{ tMs: number; image: RgbaImage }>;
  close: () => void;
} {
  const fd = openSync(path, 'r');
  try {
    const head = readLine(fd, 0);
    if (!head) throw new Error('the file is empty');
    const info = parseHeader(head.line);
    const size = info.width * info.height + 2 * (info.width >> 1) * (info.height >> 1);
    function* frames() {
      let at = head!.next;
      for (let i = 0; ; i++) {
        const marker = readLine(fd, at);
        if (!marker) return;
        if (!marker.line.startsWith('FRAME')) throw new Error(`frame ${i + 1} has no FRAME mark`);
        const yuv = Buffer.alloc(size);
        if (readSync(fd, yuv, 0, size, marker.next) < size) return; // a cut-off last frame
        at = marker.next + size;
        yield {
          tMs: Math.round((i * 1000) / info.fps),
          image: toRgba(yuv, info.width, info.height),
        };
      }
    }
    return { info, frames, close: () => closeSync(fd) };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
