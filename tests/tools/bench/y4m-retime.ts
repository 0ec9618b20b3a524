/**
 * A fake-camera clip played faster: the same rendered frames, each repeated
 * so the .y4m runs at `fps` (the scenes are rendered at 10 fps; the soak and
 * the camera bench want a 30 fps camera). Written once next to the source
 * clip (test-results/, not committed) and reused.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { y4mHeader } from './y4m-header.ts';

/** Path of `clip` re-timed to `fps` (a whole multiple of its own rate). */
export function retimedClip(clip: string, fps: number): string {
  const out = clip.replace(/\.y4m$/, `-${fps}fps.y4m`);
  if (existsSync(out)) return out;
  const bytes = readFileSync(clip);
  const eol = bytes.indexOf(0x0a);
  const header = bytes.subarray(0, eol).toString('latin1');
  const { width, height, fps: own } = y4mHeader(header);
  const repeat = fps / own;
  if (!Number.isInteger(repeat) || repeat < 1)
    throw new Error(`${fps} fps is not a whole multiple of the clip's ${own} fps`);
  const frameBytes = width * height * 1.5;
  const partial = `${out}.partial`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, Buffer.from(`${header.replace(/ F\d+:\d+/, ` F${fps}:1`)}\n`, 'latin1'));
    let at = eol + 1;
    while (at < bytes.length) {
      const frameEol = bytes.indexOf(0x0a, at);
      if (frameEol < 0) break;
      const frame = bytes.subarray(at, frameEol + 1 + frameBytes);
      for (let i = 0; i < repeat; i++) writeSync(fd, frame);
      at = frameEol + 1 + frameBytes;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, out);
  return out;
}
