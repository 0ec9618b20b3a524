/**
 * Holds timed right at any analysis rate, in Chromium: a recorded good
 * twist (real MediaPipe lite output on a rendered clip) is played into the
 * live coach at 1, 2, 5 and 15 analysed frames a second, paced by the
 * test (stamps and real-time delivery, see replay-stream.ts). At each rate the coach's own pipeline, hold ring and
 * summary must show one hold, as long as the same stream gives at its
 * recorded 10 frames a second (within two frame intervals and half a
 * second: a frame judged off costs one interval of hold time, and the
 * checker's smoothing moves the edges), with the ring counting only while
 * the hold grows, no praise while it stands still, and no slow-device
 * warning at these rates; at 0.5 a second the warning says what to do.
 * The old fixed 1 s break ended the hold at every late frame at 1 a second
 * (odd frames come 15 ms late), so no hold was timed at all.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExercisePipeline } from '../../src/exercises/exercise-pipeline.ts';
import { cueDefinition } from '../../src/feedback/cue-vocabulary.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import {
  type CoachPage,
  closeCameraBrowsers,
  fakeCameraArgs,
  openCoach,
  SCREENSHOTS,
} from './live-coach-page.ts';
import {
  feedClip,
  goLiveFor,
  loadRecordedClip,
  type RecordedClip,
  type ScreenSample,
} from './replay-stream.ts';

const CLIP = 'twist-good-left-45-male';

let server: RunningServer;
let clip: RecordedClip;
/** The hold the pipeline times on the stream at its recorded rate, ms. */
let nativeHeldMs: number;

beforeAll(async () => {
  clip = loadRecordedClip(CLIP);
  const pipeline = new ExercisePipeline(clip.exercise, { side: clip.side! });
  for (const f of clip.frames) pipeline.step(f.frame, f.t);
  const holds = pipeline.end();
  expect(holds).toHaveLength(1);
  nativeHeldMs = holds[0]!.heldMs;
  server = await startDevServer();
}, 120_000);

afterAll(async () => {
  await closeCameraBrowsers();
  await server?.close();
});

const isPraise = (code: string) =>
  code !== '' && cueDefinition(code as 'fixed').priority === 'praise';

/** Hold seconds in the summary table, in order. */
async function summaryHolds(c: CoachPage): Promise<number[]> {
  await c.page.getByTestId('summary-holds').waitFor({ timeout: 20_000 });
  const cells = await c.page.locator('[data-testid="summary-holds"] td').allTextContents();
  return cells.filter((t) => /^\d+\.\d s$/.test(t.trim())).map((t) => Number.parseFloat(t));
}

/** Holds stored on this device for the last session (IndexedDB "sessions"). */
function storedHolds(c: CoachPage) {
  return c.page.evaluate(
    () =>
      new Promise<{ startMs: number; endMs: number; side?: string }[] | undefined>(
        (resolve, reject) => {
          const open = indexedDB.open('spinewise');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('sessions').objectStore('sessions').getAll();
            get.onsuccess = () => {
              db.close();
              // Storage v2: the session is its report (hold times from the session's start).
              const ended = (get.result as { endedMs?: number; report: { holds: [] } }[]).filter(
                (s) => s.endedMs,
              );
              resolve(ended.at(-1)?.report.holds);
            };
            get.onerror = () => reject(get.error);
          };
        },
      ),
  );
}

function checkRing(samples: ScreenSample[], at: string) {
  for (let i = 1; i < samples.length; i++) {
    const s = samples[i]!;
    // The ring grows only while it shows counting, and praise never sits over a still ring.
    if (s.ringHeldMs > samples[i - 1]!.ringHeldMs) expect(s.ringCounting, `${at} #${i}`).toBe(true);
    if (isPraise(s.bannerCode)) expect(s.ringCounting, `${at} #${i} praise`).toBe(true);
    if (s.ringCounting) expect(s.bannerState, `${at} #${i}`).toBe('good');
  }
}

describe.each([1, 2, 5, 15])(`${CLIP} analysed at %s frames a second`, (perS) => {
  let c: CoachPage;

  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(undefined));
  }, 120_000);
  afterAll(async () => {
    await c?.browser.close();
  });

  it('shows and records one hold of the right length', async () => {
    const { page } = c;
    await goLiveFor(page, clip);
    const samples = await feedClip(page, clip, { perS });
    const intervalMs = 1000 / perS;
    const late = samples.map((s) => s.lateMs).sort((a, b) => a - b);
    console.log(
      `${perS}/s: ${samples.length} poses, delivered late by ${late[late.length >> 1]!.toFixed(0)} ms ` +
        `(median), ${late.at(-1)!.toFixed(0)} ms (worst); ring peak ` +
        `${Math.max(...samples.map((s) => s.ringHeldMs))} ms (native ${nativeHeldMs} ms)`,
    );
    expect(samples.length).toBe(Math.floor((clip.frames.at(-1)!.t + 50) / intervalMs) + 1);
    checkRing(samples, `${perS}/s`);
    expect(samples.some((s) => isPraise(s.bannerCode))).toBe(true);
    expect(samples.every((s) => s.rateWarning === '')).toBe(true);
    // The ring's peak: a hold timed as a stopwatch would ends at its release, and the clip
    // goes on a moment after it, so the last reading may already be back at 0.
    const shown = Math.max(...samples.map((s) => s.ringHeldMs));
    await page.screenshot({ path: join(SCREENSHOTS, `hold-pacing-${perS}fps.png`) });

    await page.getByTestId('stop').click();
    const holds = await summaryHolds(c);
    console.log(`${perS}/s: summary holds ${holds.join(', ')} s; ring peaked at ${shown} ms`);
    expect(holds).toHaveLength(1);
    const tolerance = 2 * intervalMs + 500;
    expect(Math.abs(holds[0]! * 1000 - nativeHeldMs)).toBeLessThanOrEqual(tolerance);
    // The ring showed what the summary records (the summary rounds to 0.1 s).
    expect(Math.abs(holds[0]! * 1000 - shown)).toBeLessThanOrEqual(50);
    await expect.poll(() => storedHolds(c), { timeout: 10_000 }).toHaveLength(1);
    const [stored] = (await storedHolds(c))!;
    expect(stored!.side).toBe('left');
    expect(stored!.endMs - stored!.startMs).toBeGreaterThanOrEqual(holds[0]! * 1000 - 50);
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  }, 360_000);
});

describe(`${CLIP} analysed at 0.5 frames a second`, () => {
  let c: CoachPage;

  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(undefined));
  }, 120_000);
  afterAll(async () => {
    await c?.browser.close();
  });

  it('warns that the device is too slow to time holds, and says what to do', async () => {
    const { page } = c;
    await goLiveFor(page, clip);
    const samples = await feedClip(page, clip, { perS: 0.5 });
    checkRing(samples, '0.5/s');
    const warned = samples.filter((s) => s.rateWarning);
    // Five intervals measured (10 s) before the rate is trusted: the last frames warn.
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.at(-1)!.rateWarning).toMatch(
      /^This device analyses only 0\.5 frames a second: too few to time your holds\. Close other apps/,
    );
    expect(await page.getByTestId('rate-warning').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'hold-pacing-slow-warning.png') });
    expect(c.errors).toEqual([]);
  }, 360_000);
});
