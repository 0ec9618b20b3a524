/**
 * `npm run record [-- --only id,id] [--engines mediapipe/lite,tfjs/blazepose-lite]`:
 * runs the rendered frames of each clip (from `npm run scenes`) through the
 * real engines in headless Chromium and writes fixtures/landmarks/<clip>/<engine>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.ts';
import { startDevServer } from '../support/vite-server.ts';
import { truthPath } from './render-scenes.ts';
import { parseToolArgs } from './scenes/cli-args.ts';
import { FRAMES_DIR, loadScenes, STREAMS_DIR, TRUTH_DIR } from './scenes/load-scenes.ts';
import { streamFileName } from './streams/landmark-stream.ts';
import { openRecordPage, RECORDED_ENGINES, readTruth, recordClip } from './streams/record-clip.ts';

async function main() {
  const args = parseToolArgs(process.argv.slice(2), ['engines']);
  if (args.scenes)
    throw new Error(
      'record writes the committed streams; for other scenes use `npm run eval -- --scenes <dir>`',
    );
  const engines = args.values.get('engines')?.split(',') ?? [...RECORDED_ENGINES];
  const scenes = loadScenes(undefined, args.only);
  const server = await startDevServer();
  const browser = await launchChromium();
  try {
    const page = await openRecordPage(browser, server.url);
    for (const loaded of scenes) {
      const truth = readTruth(truthPath(TRUTH_DIR, loaded.scene.id), loaded);
      const dir = join(STREAMS_DIR, loaded.scene.id);
      mkdirSync(dir, { recursive: true });
      for (const engine of engines) {
        const t0 = Date.now();
        const { trackerCalls, ...stream } = await recordClip(
          page,
          loaded,
          truth,
          FRAMES_DIR,
          engine,
        );
        writeFileSync(join(dir, streamFileName(stream.engine)), `${JSON.stringify(stream)}\n`);
        const usable = stream.frames.filter((f) => f.u).length;
        const plain = [...stream.plainUsable].filter((c) => c === '1').length;
        console.log(
          `${loaded.scene.id} ${engine}: usable ${usable}/${stream.frames.length} (plain ${plain}), ` +
            `${(trackerCalls / stream.frames.length).toFixed(2)} inferences/frame, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('record-streams.ts')) await main();
