/** Node side of the renderer: drives the scene page in Chromium, one frame at a time. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { LoadedScene } from './load-scenes.ts';
import { frameCount } from './scene-format.ts';
import type { ClipTruth } from './truth-format.ts';

export async function openScenePage(browser: BrowserContext, serverUrl: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${serverUrl}/tests/tools/scene-page/index.html`);
  await page.waitForFunction(() => window.sceneReady === true, undefined, { timeout: 60_000 });
  return page;
}

export function framePath(framesDir: string, sceneId: string, index: number): string {
  return join(framesDir, sceneId, `${String(index).padStart(4, '0')}.png`);
}

/**
 * Renders every frame of a clip into `<framesDir>/<id>/NNNN.png` and returns
 * its truth. `frames` limits how many (from the start), for quick checks.
 */
export async function renderClip(
  page: Page,
  { scene, hash }: LoadedScene,
  framesDir: string,
  frames = frameCount(scene),
): Promise<ClipTruth> {
  rmSync(join(framesDir, scene.id), { recursive: true, force: true });
  mkdirSync(join(framesDir, scene.id), { recursive: true });
  const truth: ClipTruth = {
    format: 'spinewise-truth/1',
    scene: scene.id,
    sceneHash: hash,
    imageWidth: scene.camera.width,
    imageHeight: scene.camera.height,
    fps: scene.camera.fps,
    thighLengthM: 0,
    torsoLengthM: 0,
    frames: [],
  };
  for (let i = 0; i < frames; i++) {
    const out = await page.evaluate(([s, n]) => window.renderClipFrame(s, n), [scene, i] as const);
    const png = Buffer.from(out.png.replace(/^data:image\/png;base64,/, ''), 'base64');
    writeFileSync(framePath(framesDir, scene.id, i), png);
    truth.frames.push(out.truth);
    truth.thighLengthM = Number(out.figure.thighLengthM.toFixed(4));
    truth.torsoLengthM = Number(out.figure.torsoLengthM.toFixed(4));
  }
  return truth;
}
