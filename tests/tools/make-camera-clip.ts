/**
 * A fake-camera clip for the live-coach browser tests: renders a scene
 * (fixtures/scenes/<id>.json) with the project's renderer into
 * test-results/camera-clips/ and packs the frames as a .y4m Chromium can
 * play as a camera. Cached by the scene's hash, so a second run is free
 * and a changed scene is re-rendered. Nothing is committed: ~10 s to
 * render a clip here, ~40 MB of y4m.
 *
 * CLI: `npx tsx tests/tools/make-camera-clip.ts <scene-id> [...]` prints the paths.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.ts';
import { readPng } from '../support/png.ts';
import { PROJECT_ROOT, startDevServer } from '../support/vite-server.ts';
import { writeY4m } from './camera-clip/y4m.ts';
import { loadScenes } from './scenes/load-scenes.ts';
import { openScenePage, renderClip } from './scenes/render-clip.ts';

export const CAMERA_CLIPS_DIR = join(PROJECT_ROOT, 'test-results/camera-clips');

/** Path of the clip's .y4m (rendering it first when missing or stale); `scenesDir` defaults to fixtures/scenes. */
export async function cameraClip(sceneId: string, scenesDir?: string): Promise<string> {
  const [loaded] = loadScenes(scenesDir, [sceneId]);
  if (!loaded) throw new Error(`No scene ${sceneId}`);
  const out = join(CAMERA_CLIPS_DIR, `${sceneId}-${loaded.hash}.y4m`);
  if (existsSync(out)) return out;
  mkdirSync(CAMERA_CLIPS_DIR, { recursive: true });
  const framesDir = join(CAMERA_CLIPS_DIR, 'frames');
  const server = await startDevServer();
  const browser = await launchChromium();
  try {
    const page = await openScenePage(browser, server.url);
    await renderClip(page, loaded, framesDir);
  } finally {
    await browser.close();
    await server.close();
  }
  const dir = join(framesDir, sceneId);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort();
  const partial = `${out}.partial`;
  writeY4m(
    partial,
    (function* () {
      for (const f of files) yield readPng(join(dir, f));
    })(),
    loaded.scene.camera.fps,
  );
  renameSync(partial, out); // only a whole clip ever carries the final name
  rmSync(dir, { recursive: true, force: true });
  return out;
}

if (process.argv[1]?.endsWith('make-camera-clip.ts')) {
  for (const id of process.argv.slice(2)) console.log(await cameraClip(id));
}
