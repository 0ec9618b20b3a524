/**
 * FileFrameSource in Chromium on a real webm made by MediaRecorder in the
 * page (a dark square crossing a white field for 2 s): every 100 ms of
 * media time is handed over, stamped with its media time, the square
 * further right on each, and a slow consumer gets exactly the frames a
 * fast one gets (a file waits, it never drops); an abort stops it; bytes
 * that are no video give a message saying so. No request leaves the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfflineBrowser, openRunContext } from '../support/offline-browser.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';

const HARNESS = '/tests/browser/pages/frame-source-harness.html';
let server: RunningServer;
let browser: OfflineBrowser;

interface Analysis {
  run: { taken: number; dropped: number; ended: string };
  times: number[];
  xs: number[];
  widths: number[];
  durationMs: number;
}
type Probe = {
  record(ms: number): Promise<number>;
  analyse(busyMs: number, abortAfter?: number): Promise<Analysis>;
  openBroken(): Promise<{ name: string; reason: string; message: string }>;
};

beforeAll(async () => {
  server = await startDevServer();
  browser = await openRunContext(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('FileFrameSource (Chromium, a MediaRecorder webm)', { timeout: 240_000 }, () => {
  it('hands over every analysis step at media time, waits for a slow consumer, stops on abort', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${HARNESS}`);
    await page.locator('#ready').waitFor({ state: 'visible', timeout: 60_000 });
    const probe = () => (window as never as { frameSourceProbe: Probe }).frameSourceProbe;
    const record = (ms: number) => page.evaluate(`(${probe})().record(${ms})`) as Promise<number>;
    const analyse = (busyMs: number, abortAfter?: number) =>
      page.evaluate(`(${probe})().analyse(${busyMs}, ${abortAfter})`) as Promise<Analysis>;

    expect(await record(2000)).toBeGreaterThan(1000);
    const fast = await analyse(0);
    const slow = await analyse(80);

    // The length was found although MediaRecorder writes none.
    expect(fast.durationMs).toBeGreaterThan(1500);
    expect(fast.durationMs).toBeLessThan(3000);
    const steps = Math.ceil(fast.durationMs / 100);
    expect(fast.run).toEqual({ taken: steps, dropped: 0, ended: 'end' });
    expect(fast.times).toEqual([...Array(steps).keys()].map((i) => i * 100));
    expect(new Set(fast.widths)).toEqual(new Set([160])); // scaled to maxWidth
    // The picture is the one at each media time: the square moves right across the clip.
    expect(fast.xs.every((x) => x >= 0)).toBe(true);
    expect(fast.xs.at(-1)! - fast.xs[0]!).toBeGreaterThan(150);
    const backwards = fast.xs.filter((x, i) => i > 0 && x < fast.xs[i - 1]! - 4);
    expect(backwards).toEqual([]);
    // A file waits: a consumer 80 ms a frame gets the very same frames.
    expect(slow.run).toEqual(fast.run);
    expect(slow.times).toEqual(fast.times);
    expect(slow.xs).toEqual(fast.xs);

    const aborted = await analyse(0, 3);
    expect(aborted.run).toEqual({ taken: 3, dropped: 0, ended: 'aborted' });

    const broken = (await page.evaluate(`(${probe})().openBroken()`)) as Awaited<
      ReturnType<Probe['openBroken']>
    >;
    expect(broken).toEqual({
      name: 'FrameSourceError',
      reason: 'undecodable',
      message:
        '"holiday.webm" could not be played as a video. Choose a webm or mp4 file this browser plays.',
    });
    expect(browser.offOrigin).toEqual([]);
    await page.close();
  });
});
