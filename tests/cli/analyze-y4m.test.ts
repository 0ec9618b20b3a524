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
import { writeY4m } from '../tools/camera-clip/y4m.ts';

const BIN = join(process.cwd(), 'bin', 'spinewise.mjs');
const run = promisify(execFile);

/** The still (cropped to even sizes) as a .y4m of `frames` identical frames at 10 fps, as the scene renderer writes clips. */
function writeStillY4m(path: string, frames: number) {
  const { data, width, height } = readPng(STILL_PNG);
  const w = width & ~1;
  const h = height & ~1;
  const cropped = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    cropped.set(data.subarray(y * width * 4, (y * width + w) * 4), y * w * 4);
  writeY4m(path, Array(frames).fill({ data: cropped, width: w, height: h }), 10);
  return { w, h };
}

describe('spinewise analyze on a .y4m video (TF.js in Node)', { timeout: 240_000 }, () => {
  it('reads every frame at its media time and sees the person', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinewise-y4m-'));
    const file = join(dir, 'still.y4m');
    const { w, h } = writeStillY4m(file, 8);
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
