/**
 * `npm run scenes [-- --scenes <dir>] [--only id,id] [--frames N]`: renders
 * the scripted clips in headless Chromium. Frames go to fixtures/frames/
 * (not committed: `npm run record` reads them), the truth to
 * fixtures/truth/<id>.json (committed). Scenes from another folder write
 * their truth next to their frames instead, leaving the fixtures alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../support/chromium.ts';
import { startDevServer } from '../support/vite-server.ts';
import { parseToolArgs } from './scenes/cli-args.ts';
import { FRAMES_DIR, loadScenes, SCENES_DIR, TRUTH_DIR } from './scenes/load-scenes.ts';
import { openScenePage, renderClip } from './scenes/render-clip.ts';

export function truthPath(truthDir: string, id: string) {
  return join(truthDir, `${id}.json`);
}

async function main() {
  const args = parseToolArgs(process.argv.slice(2), ['frames', 'out']);
  const scenesDir = args.scenes ? resolve(args.scenes) : SCENES_DIR;
  const framesDir = resolve(args.values.get('out') ?? FRAMES_DIR);
  const truthDir = args.scenes ? framesDir : TRUTH_DIR;
  const scenes = loadScenes(scenesDir, args.only);
  const limit = args.values.has('frames') ? Number(args.values.get('frames')) : undefined;
  const server = await startDevServer();
  const browser = await launchChromium();
  try {
    const page = await openScenePage(browser, server.url);
    mkdirSync(truthDir, { recursive: true });
    for (const loaded of scenes) {
      const t0 = Date.now();
      const truth = await renderClip(page, loaded, framesDir, limit);
      writeFileSync(truthPath(truthDir, loaded.scene.id), `${JSON.stringify(truth)}\n`);
      console.log(
        `${loaded.scene.id}: ${truth.frames.length} frames in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('render-scenes.ts')) await main();
