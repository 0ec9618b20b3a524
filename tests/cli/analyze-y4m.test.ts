/**
 * `spinewise analyze <video.y4m>` as a subprocess: a short .y4m made here
 * from the rendered still (a person, real pixels) goes through TF.js
 * BlazePose lite in Node and comes out as a SessionReport with every frame
 * at its media time and the person seen; a broken .y4m says what is wrong.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_EXIT } from '../../src/cli/analyze.ts';
import { openY4m } from '../../src/cli/y4m-reader.ts';
import type { SessionReport } from '../../src/session/session-report.ts';
import { readPng } from '../support/png.ts';
import { STILL_PNG } from '../support/still-fixture.ts';

const BIN = join(process.cwd(), 'bin', 'spinewise.mjs');
const run = promisify(execFile);

/** RGBA → a 4:2:0 full-range BT.601 .y4m of `frames` identical frames at 10 fps. */
function writeY4m(path: string, frames: number) {
  const { data, width, height } = readPng(STILL_PNG);
  const w = width & ~1;
  const h = height & ~1;
  const Y = Buffer.alloc(w * h);
  const U = Buffer.alloc((w / 2) * (h / 2));
  const V = Buffer.alloc((w / 2) * (h / 2));
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = (y * width + x) * 4;
      const [r, g, b] = [data[o]!, data[o + 1]!, data[o + 2]!];
      Y[y * w + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      if (x % 2 === 0 && y % 2 === 0) {
        const c = (y / 2) * (w / 2) + x / 2;
        U[c] = Math.max(0, Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)));
        V[c] = Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)));
      }
    }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Y, U, V]);
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`),
      ...Array(frames).fill(frame),
    ]),
  );
  return { w, h };
}

describe('spinewise analyze on a .y4m video (TF.js in Node)', { timeout: 240_000 }, () => {
  it('reads every frame at its media time and sees the person', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinewise-y4m-'));
    const file = join(dir, 'still.y4m');
    const { w, h } = writeY4m(file, 8);
    const video = openY4m(file);
    const decoded = [...video.frames()];
    video.close();
    expect(video.info).toEqual({ width: w, height: h, fps: 10 });
    expect(decoded.map((f) => f.tMs)).toEqual([0, 100, 200, 300, 400, 500, 600, 700]);

    const { stdout } = await run(
      process.execPath,
      [BIN, 'analyze', file, '--exercise', 'childs-pose', '--json'],
      {
        timeout: 200_000,
      },
    );
    const report = JSON.parse(stdout) as SessionReport;
    expect(report).toMatchObject({
      exercise: 'childs-pose',
      engine: 'tfjs',
      model: 'blazepose-lite',
      frames: 8,
    });
    expect(report.durationMs).toBe(700);
    expect(report.perSecond[0]!.usable).toBe(1); // the person was found on every frame
  });

  it('a file that is no y4m gets a message and exit code 4', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spinewise-y4m-')), 'junk.y4m');
    writeFileSync(file, 'RIFF and some bytes\n');
    const err = await run(process.execPath, [BIN, 'analyze', file]).catch((e) => e);
    expect(err.code).toBe(CLI_EXIT.unreadable);
    expect(err.stderr).toMatch(/junk\.y4m: cannot read this video: not a YUV4MPEG2 video/);
  });
});
