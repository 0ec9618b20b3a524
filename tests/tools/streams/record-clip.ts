/** Node side of the recorder: rendered frames → the record page in Chromium → a landmark stream. */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { engineName, parseEngineName } from '../../../src/pose/engine-options.ts';
import { PROJECT_ROOT } from '../../support/vite-server.ts';
import type { LoadedScene } from '../scenes/load-scenes.ts';
import { framePath } from '../scenes/render-clip.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import { type LandmarkStream, STREAM_FORMAT } from './landmark-stream.ts';

/** The engines whose streams are committed (issue 3: at least these two). */
export const RECORDED_ENGINES = ['mediapipe/lite', 'tfjs/blazepose-lite'] as const;

export async function openRecordPage(browser: BrowserContext, serverUrl: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${serverUrl}/tests/tools/record-page/index.html`);
  await page.waitForFunction(() => window.recorder?.ready === true, undefined, { timeout: 60_000 });
  return page;
}

export function readTruth(file: string, loaded: LoadedScene): ClipTruth {
  if (!existsSync(file))
    throw new Error(`No truth for ${loaded.scene.id} (${file}): run \`npm run scenes\` first`);
  const truth = JSON.parse(readFileSync(file, 'utf8')) as ClipTruth;
  if (truth.sceneHash !== loaded.hash) {
    throw new Error(
      `${loaded.scene.id}: the scene changed since it was rendered; run \`npm run scenes -- --only ${loaded.scene.id}\``,
    );
  }
  return truth;
}

/**
 * Runs every rendered frame of a clip through one engine (with and without
 * the floor tracker). Frames must lie under the project root: the dev
 * server serves them to the page.
 */
export async function recordClip(
  page: Page,
  loaded: LoadedScene,
  truth: ClipTruth,
  framesDir: string,
  engine: string,
  /** false: no second pass without turned frames (see the record page's recordClip). */
  withPlain = true,
): Promise<LandmarkStream & { trackerCalls: number }> {
  const spec = parseEngineName(engine);
  const urls = truth.frames.map((_, i) => {
    const file = framePath(framesDir, loaded.scene.id, i);
    if (!existsSync(file)) throw new Error(`Missing frame ${file}: run \`npm run scenes\` first`);
    return `/${relative(PROJECT_ROOT, file)}`;
  });
  const out = await page.evaluate(([s, u, fps, p]) => window.recorder.recordClip(s, u, fps, p), [
    spec,
    urls,
    truth.fps,
    withPlain,
  ] as const);
  if (out.engine !== engineName(spec))
    throw new Error(`Recorder ran ${out.engine}, asked for ${engine}`);
  return {
    format: STREAM_FORMAT,
    scene: loaded.scene.id,
    sceneHash: loaded.hash,
    engine: out.engine as LandmarkStream['engine'],
    backend: out.backend,
    imageWidth: truth.imageWidth,
    imageHeight: truth.imageHeight,
    frames: out.frames,
    plainUsable: out.plainUsable,
    trackerCalls: out.trackerCalls,
  };
}
