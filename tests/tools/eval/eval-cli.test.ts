import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/vite-server.ts';
import { loadCorpusScenes, truthFile } from '../corpus/corpus-files.ts';

const run = (args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/tools/eval.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('npm run eval (from the committed streams)', () => {
  it('prints a row per clip and engine plus totals, and writes the same as JSON', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'eval-')), 'out.json');
    const out = run(['--only', 'roller-good-side-male,child-good-side-male', '--json', json]);
    expect(out).toMatch(/^clip\s+engine\s+frames\s+usable\s+plain/);
    expect(out).toMatch(/roller-good-side-male\s+mediapipe\/lite\s+100\s+\d+%/);
    expect(out).toMatch(/all 2 clips\s+tfjs\/blazepose-lite\s+220/);
    const written = JSON.parse(readFileSync(json, 'utf8')) as { scores: { scene: string }[] };
    expect(written.scores.map((s) => s.scene)).toEqual([
      'child-good-side-male',
      'child-good-side-male',
      'roller-good-side-male',
      'roller-good-side-male',
    ]);
  });

  it('one engine with --engine/--model; a bad name says which names exist', () => {
    expect(
      run([
        '--only',
        'roller-good-side-male',
        '--engine',
        'tfjs',
        '--json',
        join(tmpdir(), 'e.json'),
      ]),
    ).not.toContain('mediapipe/lite');
    expect(() => run(['--engine', 'tfjs', '--model', 'giant'])).toThrow(
      /Unknown engine "tfjs\/giant"\. Use one of: mediapipe\/lite/,
    );
  });
});

describe('npm run eval -- --set (the strict table)', () => {
  it('scores the scripted clips pooled, with intervals, and names the sets there are', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'eval-')), 'strict.json');
    const out = run([
      '--set',
      'clips',
      '--only',
      'roller-good-side-male,twist-slouch-right-front-female',
      '--json',
      json,
    ]);
    expect(out).toMatch(/^engine\s+stretch\s+view\s+clips\s+usable/);
    expect(out).toMatch(/mediapipe\/lite\s+all\s+all\s+2\s+\d\.\d\d \[\d\.\d\d–\d\.\d\d\]/);
    expect(out).toMatch(/tfjs\/blazepose-lite\s+seated-twist\s+all\s+1\s/);
    const written = JSON.parse(readFileSync(json, 'utf8')) as { set: string; clips: unknown[] };
    expect(written.set).toBe('clips');
    expect(written.clips).toHaveLength(4);
    expect(() => run(['--set', 'train'])).toThrow(/--set must be one of dev, test, clips/);
  });

  it('scores the recorded corpus clips of the dev set and names those not recorded yet', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'eval-')), 'dev.json');
    // A dev clip not recorded (yet), when there is one.
    const unrecorded = loadCorpusScenes().find(
      (c) => c.meta.split === 'dev' && !existsSync(truthFile(c.scene.id)),
    )?.scene.id;
    const only = ['roller-s00001', ...(unrecorded ? [unrecorded] : [])];
    const out = run(['--set', 'dev', '--only', only.join(','), '--json', json]);
    if (unrecorded)
      expect(out).toContain(
        `1 clips of the dev set are not recorded yet (npm run corpus:render), left out: ${unrecorded}`,
      );
    expect(out).toMatch(/mediapipe\/lite\s+foam-roller\s+all\s+1\s/);
    const written = JSON.parse(readFileSync(json, 'utf8')) as {
      clips: { scene: string; view: string }[];
    };
    expect(written.clips.map((c) => c.scene)).toEqual(['roller-s00001', 'roller-s00001']);
    expect(written.clips[0]!.view).toBe('outside');
  });
});
