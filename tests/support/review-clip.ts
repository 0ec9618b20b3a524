/**
 * A webm of a rendered scene, for the video review and analyzer tests: the
 * scene's fake-camera .y4m (cameraClip, rendered and cached) played as
 * Chromium's fake camera and recorded by MediaRecorder in a page, as a
 * phone or laptop would record it (VP8, real time). Cached in
 * test-results/review-clips/ by the y4m's name (which carries the scene's
 * hash), so it is made once; only a whole file gets the final name.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { launchChromium } from './chromium.ts';
import { PROJECT_ROOT, startDevServer } from './vite-server.ts';

export const REVIEW_CLIPS_DIR = join(PROJECT_ROOT, 'test-results/review-clips');

/** Path of the scene's webm, recording it first when missing. `seconds`: how much to record. */
export async function reviewClip(sceneId: string, seconds: number): Promise<string> {
  const y4m = await cameraClip(sceneId);
  const out = join(REVIEW_CLIPS_DIR, `${basename(y4m, '.y4m')}-${seconds}s.webm`);
  if (existsSync(out)) return out;
  mkdirSync(REVIEW_CLIPS_DIR, { recursive: true });
  const server = await startDevServer();
  const browser = await launchChromium({
    args: [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tests/browser/pages/frame-source-harness.html`);
    const base64 = (await page.evaluate(`(async (ms) => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 1500000 });
      const chunks = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      const stopped = new Promise((r) => (recorder.onstop = r));
      recorder.start();
      await new Promise((r) => setTimeout(r, ms));
      recorder.stop();
      await stopped;
      for (const t of stream.getTracks()) t.stop();
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    })(${seconds * 1000})`)) as string;
    const partial = `${out}.partial`;
    writeFileSync(partial, Buffer.from(base64, 'base64'));
    renameSync(partial, out);
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

if (process.argv[1]?.endsWith('review-clip.ts')) {
  console.log(await reviewClip(process.argv[2] ?? 'twist-good-left-front-female', 11));
}
