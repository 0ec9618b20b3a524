/**
 * Reads a YUV4MPEG2 (.y4m) video from a file frame by frame, as RGBA
 * pictures (Node): the format of the rendered camera clips. The header and
 * the colour (4:2:0, BT.601 limited range) are y4m-decode.ts's.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { RgbaImage } from '../pose/pose-engine.ts';
import {
  parseY4mHeader,
  type Y4mInfo,
  y4mFrameBytes,
  y4mFrameTimeMs,
  yuv420ToRgba,
} from './y4m-decode.ts';

const HEADER_LIMIT = 1024;

function readLine(fd: number, at: number): { line: string; next: number } | undefined {
  const buf = Buffer.alloc(HEADER_LIMIT);
  const n = readSync(fd, buf, 0, HEADER_LIMIT, at);
  if (n === 0) return undefined;
  const end = buf.subarray(0, n).indexOf(0x0a);
  if (end < 0) throw new Error('a header line has no end');
  return { line: buf.subarray(0, end).toString('latin1'), next: at + end + 1 };
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
    const info = parseY4mHeader(head.line);
    const size = y4mFrameBytes(info);
    function* frames() {
      let at = head!.next;
      for (let i = 0; ; i++) {
        const marker = readLine(fd, at);
        if (!marker) return;
        if (!marker.line.startsWith('FRAME')) throw new Error(`frame ${i + 1} has no FRAME mark`);
        const yuv = Buffer.alloc(size);
        if (readSync(fd, yuv, 0, size, marker.next) < size) return; // a cut-off last frame
        at = marker.next + size;
        yield { tMs: y4mFrameTimeMs(i, info), image: yuv420ToRgba(yuv, info.width, info.height) };
      }
    }
    return { info, frames, close: () => closeSync(fd) };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
