/**
 * Video review in Chromium, in the app: a rendered twist (the scene's fake
 * camera recorded to webm by MediaRecorder, tests/support/review-clip.ts)
 * chosen from the "Review a video" view, analysed frame by frame at media
 * time with a progress bar, the stretch recognised, the result in the
 * session timeline, saved to History (IndexedDB: a session marked as from
 * a video). Report equality: `spinewise analyze` on the same webm gives the
 * same holds (within one analysed frame) and cues. Cancel by Esc stops a
 * review with nothing saved; a file that is no video and a video with
 * nobody in it each get a message saying what happened and what to do.
 * Nothing leaves the origin. Screenshots test-results/video-review-*.png.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionReport } from '../../src/session/session-report.ts';
import { type OfflineBrowser, openOfflineBrowser } from '../support/offline-browser.ts';
import { reviewClip } from '../support/review-clip.ts';
import { PROJECT_ROOT, type RunningServer, startDevServer } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { SCREENSHOTS } from './live-coach-page.ts';

/** A good left twist, front view, 12 s: one left hold from about 3 s. */
const SCENE = 'twist-good-left-front-female';
const RECORD_S = 11;
/** One analysed frame, ms: the review's step. */
const ONE_FRAME_MS = 100;
/**
 * How far the CLI's hold edges and cues may sit from the app's: one analysed
 * frame. Both run the same chain on the same file, so they agree to the
 * frame once every step gets the picture at its media time (it once did not:
 * FileFrameSource grabbed right at `seeked`, sometimes the previous step's
 * picture, which moved a hold's start by 700 ms between two runs).
 */
const CLI_AGREEMENT_MS = ONE_FRAME_MS;

const run = promisify(execFile);
let server: RunningServer;
let browser: OfflineBrowser;
let webm: string;

beforeAll(async () => {
  await cameraClip(SCENE); // rendered by the global setup; cached
  webm = await reviewClip(SCENE, RECORD_S);
  server = await startDevServer();
  browser = await openOfflineBrowser(server.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openReview(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/?now=2026-03-10T18:00:00`);
  await page.getByRole('button', { name: 'Review a video' }).click();
  await page.getByRole('heading', { name: 'Review a recorded video' }).waitFor();
  return page;
}

/** Puts a webm made in the page (a canvas recorded by MediaRecorder) into the file input. */
async function chooseCanvasVideo(input: Locator, name: string, ms: number) {
  await input.evaluate(
    async (el, [name, ms]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      const g = canvas.getContext('2d')!;
      const recorder = new MediaRecorder(canvas.captureStream(15), {
        mimeType: 'video/webm;codecs=vp8',
      });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      const stopped = new Promise((r) => {
        recorder.onstop = r;
      });
      recorder.start();
      const t0 = performance.now();
      await new Promise<void>((done) => {
        const tick = () => {
          const t = performance.now() - t0;
          g.fillStyle = `rgb(${200 + Math.round((t / (ms as number)) * 40)}, 210, 200)`;
          g.fillRect(0, 0, 320, 240); // an empty room, the light changing a little
          if (t < (ms as number)) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame(tick);
      });
      recorder.stop();
      await stopped;
      const dt = new DataTransfer();
      dt.items.add(new File(chunks, name as string, { type: 'video/webm' }));
      (el as HTMLInputElement).files = dt.files;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, ms] as const,
  );
}

/** The sessions in the app's IndexedDB. */
function storedSessions(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ id: string; source?: string; report: SessionReport }[]>((resolve, reject) => {
        const open = indexedDB.open('spinewise');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('sessions').objectStore('sessions').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function spinewiseJson(file: string, ...args: string[]): Promise<SessionReport> {
  const { stdout } = await run(
    process.execPath,
    [join(PROJECT_ROOT, 'bin/spinewise.mjs'), 'analyze', file, ...args, '--json'],
    { timeout: 540_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as SessionReport;
}

describe('Review a recorded video (Chromium, the app)', { timeout: 900_000 }, () => {
  it('analyses a rendered twist at media time, opens it in the timeline, saves it; the CLI gives the same report', async () => {
    const page = await openReview();
    await page.getByTestId('review-file').setInputFiles(webm);
    // Recognition chooses the stretch; the twist starts on the left.
    await page.getByTestId('review-side').selectOption('left');
    await page.getByTestId('review-start').click();
    const progress = page.getByTestId('review-progress');
    await progress.waitFor();
    // Cancel is where the keyboard is while it runs.
    expect(
      await page.getByTestId('review-cancel').evaluate((b) => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a === b;
      }),
    ).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'video-review-progress.png') });
    const heading = page.getByTestId('review-result-heading');
    const error = page.getByTestId('review-error');
    await heading.or(error).waitFor({ timeout: 600_000 });
    expect((await error.count()) ? await error.textContent() : 'no error').toBe('no error');
    expect((await heading.textContent())?.trim()).toMatch(/^Seated twist \(recognised\): 1 hold$/);
    const summary = (await page.getByTestId('review-summary').textContent()) ?? '';
    expect(summary).toMatch(/mediapipe\/lite/);
    // The timeline shows the hold as a left bar.
    expect(await page.locator('sw-session-timeline svg .hold.left').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'video-review-result.png'), fullPage: true });

    await page.getByTestId('review-save').click();
    await page.getByText(/Saved to History as a session from a video/).waitFor();
    const stored = await storedSessions(page);
    expect(stored).toHaveLength(1);
    const [session] = stored;
    expect(session!.source).toBe('video');
    const app = session!.report;
    expect(app.exercise).toBe('seated-twist');
    expect(app.startSide).toBe('left');
    // Every 100 ms of media time, from 0.
    expect(app.frames).toBe(Math.floor(app.durationMs / ONE_FRAME_MS) + 1);
    expect(app.holds).toHaveLength(1);
    expect(app.holds[0]).toMatchObject({ side: 'left' });
    expect(app.holds[0]!.goodMs).toBeGreaterThan(5000);

    // The analyzer command on the same file, the same choices: the same holds and cues.
    const cli = await spinewiseJson(webm, '--side', 'left');
    expect(cli.exercise).toBe(app.exercise);
    expect(cli.frames).toBe(app.frames);
    expect(cli.holds.map((h) => [h.side, h.targetReached])).toEqual(
      app.holds.map((h) => [h.side, h.targetReached]),
    );
    for (const [i, h] of cli.holds.entries()) {
      const a = app.holds[i]!;
      console.log(
        `video-review: CLI − app hold ${i}: start ${h.startMs - a.startMs} ms, end ${h.endMs - a.endMs} ms, good ${h.goodMs - a.goodMs} ms`,
      );
      expect(Math.abs(h.startMs - a.startMs)).toBeLessThanOrEqual(CLI_AGREEMENT_MS);
      expect(Math.abs(h.endMs - a.endMs)).toBeLessThanOrEqual(CLI_AGREEMENT_MS);
      expect(Math.abs(h.goodMs - a.goodMs)).toBeLessThanOrEqual(CLI_AGREEMENT_MS);
    }
    expect(cli.cues.map((c) => c.code)).toEqual(app.cues.map((c) => c.code));
    for (const [i, c] of cli.cues.entries())
      expect(Math.abs(c.tMs - app.cues[i]!.tMs)).toBeLessThanOrEqual(CLI_AGREEMENT_MS);
    expect(browser.offOrigin).toEqual([]);
    await page.close();
  });

  it('Esc cancels a review and nothing is saved; no video and nobody in view each say what to do', async () => {
    const page = await openReview();
    const before = await storedSessions(page); // the first test's saved session, if it ran
    await page.getByTestId('review-file').setInputFiles(webm);
    await page.getByTestId('review-exercise').selectOption('seated-twist');
    await page.getByTestId('review-start').click();
    await page.getByText(/ of 0:1\d analysed/).waitFor({ timeout: 300_000 });
    await page.keyboard.press('Escape');
    const error = page.getByTestId('review-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Cancelled: nothing was analysed or saved\./);
    expect(await page.getByTestId('review-progress').count()).toBe(0);
    expect(await page.getByTestId('review-result-heading').count()).toBe(0);

    await page.getByTestId('review-file').setInputFiles({
      name: 'holiday.webm',
      mimeType: 'video/webm',
      buffer: Buffer.from('these bytes are no video at all'),
    });
    await page.getByTestId('review-start').click();
    await page.getByText(/"holiday\.webm" could not be played as a video/).waitFor();
    expect(await error.textContent()).toMatch(/Choose a webm or mp4 file this browser plays\./);

    await chooseCanvasVideo(page.getByTestId('review-file'), 'empty-room.webm', 1500);
    await page.getByTestId('review-exercise').selectOption('auto');
    await page.getByTestId('review-start').click();
    await page.getByText(/Nobody was found in "empty-room\.webm"/).waitFor({ timeout: 300_000 });
    expect(await error.textContent()).toMatch(
      /Choose a video where your whole upper body is in view/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'video-review-nobody.png') });
    expect(await storedSessions(page)).toEqual(before);
    expect(browser.offOrigin).toEqual([]);
    await page.close();
  });

  it('the analyzer command says when a webm cannot be decoded', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const bad = join(mkdtempSync(join(tmpdir(), 'spinewise-webm-')), 'broken.webm');
    writeFileSync(bad, 'not a video');
    const err = await run(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/spinewise.mjs'), 'analyze', bad],
      {
        timeout: 300_000,
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(err.code).toBe(4);
    expect(err.stderr).toMatch(
      /broken\.webm: "broken\.webm" could not be played as a video\. Choose a webm or mp4/,
    );
  });
});
