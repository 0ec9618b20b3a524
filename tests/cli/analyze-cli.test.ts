/**
 * `npx spinewise analyze` as a person runs it: a subprocess through the
 * package's `bin` entry, on committed recordings of real model output. Its
 * holds and cues are analyzeSession's (the report the live coach builds,
 * tests/session/session-report.test.ts), its JSON is that very report, and
 * every failure says what is wrong with its own exit code.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_EXIT, chosenEngine } from '../../src/cli/analyze.ts';
import { clock } from '../../src/cli/format-report.ts';
import { analyzeSession } from '../../src/exercises/analyze-stream.ts';
import { cueDefinition } from '../../src/feedback/cue-vocabulary.ts';
import { parseStream, streamPoses } from '../../src/pose/landmark-stream.ts';
import type { SessionReport } from '../../src/session/session-report.ts';

const BIN = join(process.cwd(), 'bin', 'spinewise.mjs');
const run = promisify(execFile);

/** Runs the command; resolves with its exit code and output whatever the code. */
async function spinewise(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const clipFile = (clip: string) => join('fixtures', 'landmarks', clip, 'mediapipe-lite.json');
const expected = (clip: string, options: Parameters<typeof analyzeSession>[1]) =>
  analyzeSession(streamPoses(parseStream(readFileSync(clipFile(clip), 'utf8'), clip)), options);

describe('spinewise analyze (subprocess)', { timeout: 180_000 }, () => {
  it('package.json names the command', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.spinewise).toBe('bin/spinewise.mjs');
  });

  it('--json prints the SessionReport analyzeSession gives (a twist that switches sides)', async () => {
    // A good right twist held 7 s: with a 2 s target the hold reaches it and the side switches.
    const clip = 'twist-good-right-front-male';
    const { code, stdout } = await spinewise(
      'analyze',
      clipFile(clip),
      '--exercise',
      'seated-twist',
      '--side',
      'right',
      '--target',
      '2',
      '--json',
    );
    expect(code).toBe(CLI_EXIT.ok);
    const report = JSON.parse(stdout) as SessionReport;
    const want = expected(clip, { exercise: 'seated-twist', twistSide: 'right', holdTargetS: 2 });
    expect(report).toEqual(want);
    expect(report.sideSwitches).toHaveLength(1);
    expect(report.holds[0]).toMatchObject({ side: 'right', targetReached: true });
  });

  it('the summary lists each hold and cue the report has, at its time; --json FILE writes the report', async () => {
    const clip = 'child-hips-not-back-side-female';
    const out = join(mkdtempSync(join(tmpdir(), 'spinewise-cli-')), 'report.json');
    const { code, stdout, stderr } = await spinewise(
      'analyze',
      clipFile(clip),
      '--exercise',
      'childs-pose',
      '--json',
      out,
    );
    expect(stderr).toBe('');
    expect(code).toBe(CLI_EXIT.ok);
    const want = expected(clip, { exercise: 'childs-pose' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(want);
    expect(want.holds.length + want.cues.length).toBeGreaterThan(0);
    expect(stdout).toContain(`Holds (${want.holds.length}):`);
    for (const h of want.holds) expect(stdout).toContain(`${clock(h.startMs)}–${clock(h.endMs)}`);
    expect(stdout).toContain(`Cues (${want.cues.length}):`);
    for (const c of want.cues)
      expect(stdout).toContain(`${clock(c.tMs)}  ${cueDefinition(c.code).text}`);
    expect(stdout).toMatch(/^Summary: /m);
  });

  it('without --exercise, recognises the stretch as the app does', async () => {
    const { code, stdout } = await spinewise(
      'analyze',
      clipFile('roller-good-side-male'),
      '--json',
    );
    expect(code).toBe(CLI_EXIT.ok);
    expect((JSON.parse(stdout) as SessionReport).exercise).toBe('foam-roller');
  });

  it('says what is wrong, with its exit code, for a missing, broken or unsupported file and bad options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinewise-cli-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "spinewise-landmarks/1", "frames": [');
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"hello": 1}');
    const cases: [string[], number, RegExp][] = [
      [['analyze', join(dir, 'nope.json')], CLI_EXIT.missing, /nope\.json: no such file/],
      [
        ['analyze', broken],
        CLI_EXIT.unreadable,
        /broken\.json: not a landmark stream \(not valid JSON/,
      ],
      [['analyze', other], CLI_EXIT.unreadable, /other\.json: not a landmark stream \(format/],
      [
        ['analyze', clipFile('child-good-side-male'), '--exercise', 'yoga'],
        CLI_EXIT.usage,
        /Unknown exercise "yoga": use one of/,
      ],
      [
        ['analyze', clipFile('child-good-side-male'), '--side', 'up'],
        CLI_EXIT.usage,
        /Unknown side "up"/,
      ],
      [['analyze'], CLI_EXIT.usage, /Name a file to analyse/],
      [
        ['analyze', clipFile('child-good-side-male'), '--engine', 'posenet/tiny'],
        CLI_EXIT.usage,
        /Unknown engine "posenet\/tiny"\. Use one of: mediapipe\/lite/,
      ],
      [
        ['analyze', clipFile('child-good-side-male'), '--engine', 'tfjs', '--model', 'full'],
        CLI_EXIT.usage,
        /Unknown engine "tfjs" with model "full"\. Use one of: mediapipe\/lite/,
      ],
      [
        [
          'analyze',
          clipFile('child-good-side-male'),
          '--engine',
          'mediapipe/lite',
          '--model',
          'full',
        ],
        CLI_EXIT.usage,
        /--engine mediapipe\/lite and --model full disagree/,
      ],
      [['frobnicate'], CLI_EXIT.usage, /unknown command "frobnicate"/],
    ];
    for (const [args, code, message] of cases) {
      const r = await spinewise(...args);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('--engine and --model', () => {
  it('name an engine, an engine and its model, or a model alone', () => {
    expect(chosenEngine('mediapipe', undefined)).toEqual({ engine: 'mediapipe', model: 'lite' });
    expect(chosenEngine('tfjs', undefined)).toEqual({ engine: 'tfjs', model: 'blazepose-lite' });
    expect(chosenEngine('mediapipe', 'heavy')).toEqual({ engine: 'mediapipe', model: 'heavy' });
    expect(chosenEngine(undefined, 'movenet-lightning')).toEqual({
      engine: 'tfjs',
      model: 'movenet-lightning',
    });
    expect(chosenEngine('tfjs/blazepose-full', 'blazepose-full')).toEqual({
      engine: 'tfjs',
      model: 'blazepose-full',
    });
  });
});
