/**
 * A webm/mp4 through the app's own pipeline in headless Chromium, for
 * `spinewise analyze`: Node has no video decoder, the browser has one, and
 * then the command runs the very code the app's video review runs
 * (FileFrameSource, the pose worker with MediaPipe or TF.js, the session
 * script and reporter). Starts the project's Vite dev server on a free
 * local port, opens src/cli/browser/analyze-video.html in Debian's
 * Chromium through playwright-core (/usr/bin/chromium or CHROMIUM_PATH),
 * hands it the file and reads back the report. Every request that would
 * leave the local server is refused. Everything is closed in `finally`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Side } from '../core/body-points.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { EngineSpec } from '../pose/create-pose-engine.ts';
import type { VideoReviewProgress } from '../ui/video-review/analyze-video.ts';
import type { PageAnswer, PageRequest } from './browser/analyze-video-page.ts';
import { OFFLINE_CHROMIUM_FLAGS } from './offline-chromium-flags.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGE = '/src/cli/browser/analyze-video.html';

export const CHROMIUM_INSTALL = 'apt-get install -y chromium';

/** How long the page may take to be ready, ms: the dev server compiles the app on first use, slowly on a busy machine. */
const PAGE_PATIENCE_MS = 300_000;

/** Chromium is not there: the message names the install command. */
export class ChromiumMissing extends Error {}

export function chromiumExecutable(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new ChromiumMissing(
      `webm and mp4 videos are analysed by the app itself in headless Chromium, and there is none at ${path}: install it with \`${CHROMIUM_INSTALL}\` (or set CHROMIUM_PATH to a Chromium binary), or convert the video to .y4m (ffmpeg -i in.webm -pix_fmt yuv420p out.y4m), which is analysed without a browser`,
    );
  return path;
}

export interface ChromiumReviewOptions {
  exercise?: ExerciseId;
  side?: Side;
  holdTargetS: number;
  engine: EngineSpec;
  onProgress?: (p: VideoReviewProgress) => void;
}

export async function reviewInChromium(
  file: string,
  options: ChromiumReviewOptions,
): Promise<PageAnswer> {
  const executablePath = chromiumExecutable();
  // Loaded only here: a landmark stream or a y4m needs neither.
  const [{ createServer }, { chromium }] = await Promise.all([
    import('vite'),
    import('playwright-core'),
  ]);
  const server = await createServer({
    root: ROOT,
    configFile: `${ROOT}/vite.config.ts`,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('the local server got no port');
    const origin = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [...OFFLINE_CHROMIUM_FLAGS],
    });
    const context = await browser.newContext();
    const local = (url: string) =>
      url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:');
    await context.route(
      (url) => !local(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.exposeFunction('spinewiseProgress', (p: VideoReviewProgress) =>
      options.onProgress?.(p),
    );
    await page.goto(`${origin}${PAGE}`);
    await page.locator('#ready').waitFor({ state: 'attached', timeout: PAGE_PATIENCE_MS });
    await page.waitForFunction(() => typeof window.spinewiseAnalyze === 'function', undefined, {
      timeout: PAGE_PATIENCE_MS,
    });
    await page.locator('#video').setInputFiles(file);
    const request: PageRequest = {
      holdTargetS: options.holdTargetS,
      engine: options.engine,
      ...(options.exercise ? { exercise: options.exercise } : {}),
      ...(options.side ? { side: options.side } : {}),
    };
    return await page.evaluate((r) => window.spinewiseAnalyze(r), request);
  } finally {
    await browser?.close();
    await server.close();
  }
}
