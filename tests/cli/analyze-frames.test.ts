/**
 * `spinewise analyze <frames-folder>` as a subprocess: PNG and JPEG stills
 * of a rendered person, in name order (numbers in numeric order), at
 * `--fps`, through TF.js in Node, come out as a SessionReport with each
 * frame at index ÷ fps and the person seen on every one; a broken frame,
 * an empty folder, a browser-only engine and a webm without Chromium each
 * say what is wrong with their own exit code.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { CLI_EXIT } from '../../src/cli/analyze.ts';
import { frameFiles } from '../../src/cli/frame-folder.ts';
import type { SessionReport } from '../../src/session/session-report.ts';
import { readPng } from '../support/png.ts';
import { STILL_PNG } from '../support/still-fixture.ts';

const BIN = join(process.cwd(), 'bin', 'spinewise.mjs');
const run = promisify(execFile);

async function spinewise(args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      timeout: 200_000,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function stillAsJpeg(path: string) {
  const { data, width, height } = readPng(STILL_PNG);
  writeFileSync(path, jpeg.encode({ data: Buffer.from(data), width, height }, 92).data);
}

describe('spinewise analyze on a folder of frames (TF.js in Node)', { timeout: 240_000 }, () => {
  it('takes PNG and JPEG frames in name order at --fps and sees the person on each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinewise-frames-'));
    for (const n of [1, 2, 10]) copyFileSync(STILL_PNG, join(dir, `frame-${n}.png`));
    stillAsJpeg(join(dir, 'frame-3.jpg'));
    stillAsJpeg(join(dir, 'frame-4.jpeg'));
    writeFileSync(join(dir, 'notes.txt'), 'not a frame');
    expect(frameFiles(dir)).toEqual([
      'frame-1.png',
      'frame-2.png',
      'frame-3.jpg',
      'frame-4.jpeg',
      'frame-10.png',
    ]);

    const { code, stdout } = await spinewise([
      'analyze',
      dir,
      '--exercise',
      'childs-pose',
      '--fps',
      '5',
      '--json',
    ]);
    expect(code).toBe(CLI_EXIT.ok);
    const report = JSON.parse(stdout) as SessionReport;
    expect(report).toMatchObject({
      exercise: 'childs-pose',
      engine: 'tfjs',
      model: 'blazepose-lite',
      frames: 5,
      durationMs: 800, // frame 5 of 5 at 5 fps: 4 × 200 ms
    });
    expect(report.perSecond.map((s) => [s.tMs, s.frames, s.usable])).toEqual([[0, 5, 1]]);
  });

  it('says what is wrong, with its exit code', async () => {
    const root = mkdtempSync(join(tmpdir(), 'spinewise-frames-bad-'));
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const broken = join(root, 'broken');
    mkdirSync(broken);
    copyFileSync(STILL_PNG, join(broken, 'a-1.png'));
    writeFileSync(join(broken, 'a-2.png'), 'not a png');
    const webm = join(root, 'clip.webm');
    writeFileSync(webm, 'no matter');
    const cases: [string[], NodeJS.ProcessEnv | undefined, number, RegExp][] = [
      [
        ['analyze', empty, '--exercise', 'childs-pose'],
        undefined,
        CLI_EXIT.unreadable,
        /empty: cannot read these frames: the folder holds no \.png, \.jpg or \.jpeg frames/,
      ],
      [
        ['analyze', broken, '--exercise', 'childs-pose'],
        undefined,
        CLI_EXIT.unreadable,
        /cannot read these frames: frame .*a-2\.png cannot be decoded/,
      ],
      [
        ['analyze', broken, '--engine', 'mediapipe/lite'],
        undefined,
        CLI_EXIT.usage,
        /mediapipe\/lite runs only in a browser; a frames folder is analysed by TF\.js in Node/,
      ],
      [
        ['analyze', webm],
        { ...process.env, CHROMIUM_PATH: join(root, 'no-chromium') },
        CLI_EXIT.environment,
        /in headless Chromium, and there is none at .*no-chromium: install it with `apt-get install -y chromium`/,
      ],
    ];
    for (const [args, env, want, message] of cases) {
      const r = await spinewise(args, env);
      expect({ args, code: r.code }).toEqual({ args, code: want });
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});
