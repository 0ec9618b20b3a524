/**
 * `npx tsx tests/tools/record-gesture-streams.ts [--only id,id]`: renders the
 * hands-free gesture clips (fixtures/gestures/scenes/) and records them
 * through the committed engines into fixtures/gestures/landmarks/<id>/.
 * Kept apart from fixtures/scenes so the scorer and the checker tests,
 * which walk every clip there, are not changed by clips that show no
 * stretch. Frames go to test-results/gesture-frames/ (not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.ts';
import { PROJECT_ROOT, startDevServer } from '../support/vite-server.ts';
import { parseToolArgs } from './scenes/cli-args.ts';
import { loadScenes } from './scenes/load-scenes.ts';
import { openScenePage, renderClip } from './scenes/render-clip.ts';
import { streamFileName } from './streams/landmark-stream.ts';
import { openRecordPage, RECORDED_ENGINES, recordClip } from './streams/record-clip.ts';

export const GESTURE_SCENES_DIR = join(PROJECT_ROOT, 'fixtures/gestures/scenes');
export const GESTURE_STREAMS_DIR = join(PROJECT_ROOT, 'fixtures/gestures/landmarks');
const FRAMES_DIR = join(PROJECT_ROOT, 'test-results/gesture-frames');

async function main() {
  const args = parseToolArgs(process.argv.slice(2), []);
  const scenes = loadScenes(GESTURE_SCENES_DIR, args.only);
  const server = await startDevServer();
  const browser = await launchChromium();
  try {
    const scenePage = await openScenePage(browser, server.url);
    const recordPage = await openRecordPage(browser, server.url);
    for (const loaded of scenes) {
      const truth = await renderClip(scenePage, loaded, FRAMES_DIR);
      const dir = join(GESTURE_STREAMS_DIR, loaded.scene.id);
      mkdirSync(dir, { recursive: true });
      for (const engine of RECORDED_ENGINES) {
        const { trackerCalls: _, ...stream } = await recordClip(
          recordPage,
          loaded,
          truth,
          FRAMES_DIR,
          engine,
        );
        writeFileSync(join(dir, streamFileName(stream.engine)), `${JSON.stringify(stream)}\n`);
        const usable = stream.frames.filter((f) => f.u).length;
        console.log(`${loaded.scene.id} ${engine}: usable ${usable}/${stream.frames.length}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('record-gesture-streams.ts')) await main();
