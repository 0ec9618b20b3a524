/**
 * Vitest global setup of the browser project: renders, before any test
 * starts, every fake-camera clip a browser test names (a scene id of
 * fixtures/scenes/ written as a string literal in a file of tests/browser/
 * that calls `cameraClip(` or `coachOnClip(`), so the
 * ~15 s a clip costs the first time is paid here, outside every test's and
 * hook's time limit. Cached clips cost nothing; a scene from another folder
 * is still rendered on first use by the test itself.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { PROJECT_ROOT } from './vite-server.ts';

const BROWSER_TESTS = join(PROJECT_ROOT, 'tests/browser');
const SCENES = join(PROJECT_ROOT, 'fixtures/scenes');

/** Scene ids named as string literals in browser test sources that make camera clips, sorted. */
export function sceneIdsNamedInBrowserTests(): string[] {
  const ids = new Set<string>();
  for (const file of readdirSync(BROWSER_TESTS, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const source = readFileSync(join(BROWSER_TESTS, file), 'utf8');
    // Scenes used otherwise (replayed streams) need no clip.
    if (!source.includes('cameraClip(') && !source.includes('coachOnClip(')) continue;
    for (const [, id] of source.matchAll(/['"`]([a-z0-9]+(?:-[a-z0-9]+)+)['"`]/g)) {
      if (id && existsSync(join(SCENES, `${id}.json`))) ids.add(id);
    }
  }
  return [...ids].sort();
}

export default async function renderCameraClips(): Promise<void> {
  const ids = sceneIdsNamedInBrowserTests();
  for (const [i, id] of ids.entries()) {
    const t0 = performance.now();
    await cameraClip(id);
    const s = (performance.now() - t0) / 1000;
    if (s > 1)
      console.log(`camera clip ${id} rendered (${i + 1} of ${ids.length}, ${s.toFixed(0)} s)`);
  }
}
