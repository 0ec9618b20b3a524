/**
 * `npm run eval -- --scenes <dir>` on a scene file kept outside the repo:
 * rendered and recorded on the fly in Chromium, scored, and nothing under
 * fixtures/ touched. A four-frame clip keeps it to seconds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/vite-server.ts';
import { SCENES_DIR } from '../tools/scenes/load-scenes.ts';

describe('npm run eval -- --scenes <dir>', () => {
  it('renders, records and scores a scene from another folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinewise-scenes-'));
    const scene = JSON.parse(
      readFileSync(join(SCENES_DIR, 'twist-good-right-45-female.json'), 'utf8'),
    );
    Object.assign(scene, {
      id: 'outside-twist',
      duration: 0.4,
      keyframes: [{ t: 0, pose: 'twist-right-verified' }],
      phases: [{ from: 0, to: 0.4, name: 'holding' }],
    });
    scene.camera = { ...scene.camera, width: 320, height: 180 };
    writeFileSync(join(dir, 'outside-twist.json'), JSON.stringify(scene));
    const json = join(dir, 'eval.json');
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/tools/eval.ts',
        '--scenes',
        dir,
        '--engine',
        'mediapipe',
        '--json',
        json,
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out).toMatch(/outside-twist\s+mediapipe\/lite\s+4\s+100%/);
    const { scores } = JSON.parse(readFileSync(json, 'utf8')) as {
      scores: { scene: string; onBody: number }[];
    };
    expect(scores).toEqual([expect.objectContaining({ scene: 'outside-twist', onBody: 1 })]);
  });
});
