/**
 * Faults injected mid-session, in the production build (`vite build` +
 * preview) with a fake camera playing a rendered child's-pose clip and the
 * real MediaPipe lite model in its worker:
 * - the pose worker is closed from inside (`self.close()` through the
 *   DevTools protocol: it dies without a word, as a crashed worker does) →
 *   the coach pauses, says so, restarts the same engine and goes on, the
 *   hold's time with no gap in it;
 * - every frame fails in the engine (each frame's bitmap closed before the
 *   engine gets it: a real failure of the real engine) → paused with a
 *   message, the last cue gone, then TensorFlow.js BlazePose lite takes over;
 * - the tab is hidden for one loop of the clip → no frame analysed, the
 *   session paused; shown again → resumed with no gap in session time;
 * - a second tab → it says another tab coaches, "Coach here instead" moves
 *   the coaching there and the first tab stands down;
 * - Automatic, 300 ms added to every frame in the worker → a lighter model
 *   swapped in, said in words, no gap in session time;
 * - the GPU context lost (injected at the worker's boundary: SwiftShader is
 *   far too slow for a GPU engine here) → the same model on the CPU.
 * Nothing leaves the origin in any of them.
 */
import { join } from 'node:path';
import type { Browser, Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TROUBLE_WORDS } from '../../src/controllers/pose-loop-controller.ts';
import { INTERRUPTION_WORDS } from '../../src/controllers/session-interruptions.ts';
import { DEFAULT_HOLD_TIMER } from '../../src/core/hold-timer.ts';
import { keepUpLadder } from '../../src/pose/keep-up-rule.ts';
import { engineWords, specKey } from '../../src/pose/lighter-engine.ts';
import type { CoachMeasures, LiveCoach } from '../../src/ui/live-session/live-coach.ts';
import { openPageIn } from '../support/app-page.ts';
import { launchSharedChromium } from '../support/chromium.ts';
import { type OfflineBrowser, openOfflineContext } from '../support/offline-browser.ts';
import { passSafetyScreen } from '../support/safety-screen.ts';
import { type RunningServer, startBuiltPreview } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { fakeCameraArgs, reachLive, SCREENSHOTS } from './live-coach-page.ts';

const CLIP = 'child-good-side-male';
/** One loop of the clip, ms (12 s scene): hidden this long, the camera shows the same moment again. */
const CLIP_LOOP_MS = 12_000;
/** Per test: a page load, setup, a model (re)load or two, on a busy 2-core machine. */
const TEST_MS = 420_000;

let server: RunningServer;
let chromium: Browser;

beforeAll(async () => {
  const clip = await cameraClip(CLIP);
  server = await startBuiltPreview();
  chromium = await launchSharedChromium(fakeCameraArgs(clip));
}, 300_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/**
 * One fresh context in the file's camera Chromium for the describe that
 * calls this (its tests share it, as tabs of one browser would), checked
 * for off-origin requests at the end.
 */
function contextPerDescribe(): () => OfflineBrowser {
  let ctx: OfflineBrowser | undefined;
  beforeAll(async () => {
    ctx = await openOfflineContext(chromium, server.url, {
      viewport: { width: 1280, height: 860 },
    });
  });
  afterEach(async () => {
    // A page left open by a failed test would hold the coach's lock for the next one.
    for (const page of ctx?.context.pages() ?? []) await page.close();
  });
  afterAll(async () => {
    expect(ctx?.offOrigin).toEqual([]);
    await ctx?.context.close();
  });
  return () => ctx!;
}

/** A page of the app past the safety gate, the coach's settings pinned (default: MediaPipe lite). */
async function openApp(
  ctx: OfflineBrowser,
  settings: Record<string, unknown> = { engine: 'mediapipe/lite', holdTargetS: 30 },
): Promise<{ page: Page; errors: string[] }> {
  const tab = await openPageIn(ctx, settings);
  await tab.page.goto(server.url);
  await passSafetyScreen(tab.page);
  return tab;
}

/** Child's pose from the picker to the live stage. */
async function startLive(page: Page): Promise<void> {
  await page.getByTestId('choose-childs-pose').click();
  await page.getByTestId('start-camera').click();
  await page.getByTestId('setup-checks').waitFor({ timeout: 120_000 });
  await reachLive(page, 20_000);
}

/** The pose worker of this page (the only dedicated worker the app starts). */
async function poseWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().length, { timeout: 60_000 }).toBeGreaterThan(0);
  const worker = page.workers().find((w) => w.url().includes('pose-worker'));
  if (!worker) throw new Error(`no pose worker among ${page.workers().map((w) => w.url())}`);
  return worker;
}

/** Waits for a hold in progress with some time on it (the clip's held part). */
async function waitForHold(page: Page, minMs = 1500): Promise<void> {
  await expect
    .poll(async () => (await measures(page)).trace.at(-1)?.heldMs ?? 0, { timeout: 90_000 })
    .toBeGreaterThan(minMs);
}

/** The coach's public measures (it sits in the app's shadow root; locators pierce it). */
const coachOf = (page: Page) => page.locator('sw-live-coach');
const measures = (page: Page): Promise<CoachMeasures> =>
  coachOf(page).evaluate(
    (coach) =>
      JSON.parse(JSON.stringify((coach as unknown as LiveCoach).measures)) as CoachMeasures,
  );
const faults = (page: Page) =>
  coachOf(page).evaluate((coach) => ({ ...(coach as unknown as LiveCoach).loop.faults }));
const note = (page: Page) => page.getByTestId('fault-note').textContent();

/**
 * The step times around an interruption: the last before `beforeCount`
 * steps and the first after. Their gap is session time across the fault.
 */
async function across(page: Page, stepsBefore: number) {
  const m = await measures(page);
  // The trace is a bounded window of the last steps, with `poses` counting them all.
  const offset = m.poses - m.trace.length;
  const last = m.trace[stepsBefore - 1 - offset]!;
  const next = m.trace[stepsBefore - offset]!;
  // The median interval between the steps before it.
  const before = m.trace.slice(0, stepsBefore - offset);
  const gaps = before
    .slice(1)
    .map((t, i) => t.tMs - before[i]!.tMs)
    .sort((x, y) => x - y);
  const intervalMs = gaps[Math.floor((gaps.length - 1) / 2)] ?? 0;
  return { last, next, gapMs: next.tMs - last.tMs, intervalMs };
}

/** Checks that the interruption left no break in the hold timer's time, and logs what the hold did. */
async function expectNoGap(page: Page, stepsBefore: number, what: string) {
  await expect
    .poll(async () => (await measures(page)).poses, { timeout: 60_000 })
    .toBeGreaterThan(stepsBefore + 5);
  const { last, next, gapMs, intervalMs } = await across(page, stepsBefore);
  // The hold timer's own limit at this frame rate: a gap under it is no break in a hold.
  const limitMs = Math.min(
    DEFAULT_HOLD_TIMER.maxBreakToleranceMs,
    Math.max(DEFAULT_HOLD_TIMER.breakToleranceMs, DEFAULT_HOLD_TIMER.breakIntervals * intervalMs),
  );
  console.log(
    `${what}: session-time gap ${Math.round(gapMs)} ms (limit ${Math.round(limitMs)} ms at a median ${Math.round(intervalMs)} ms a frame); held ${Math.round(last.heldMs)} ms before, ${Math.round(next.heldMs)} ms on the next frame (form ${next.formGood})`,
  );
  expect(gapMs).toBeLessThan(limitMs);
  // The same hold goes on when the form is still good (the camera moved on meanwhile).
  if (last.heldMs > 0 && next.formGood) expect(next.heldMs).toBeGreaterThanOrEqual(last.heldMs);
}

describe('faults mid-session (production build)', () => {
  const ctx = contextPerDescribe();

  it(
    'a pose worker that dies is restarted with the same engine, and the person is told',
    async () => {
      const { page, errors } = await openApp(ctx());
      await startLive(page);
      await waitForHold(page);
      const worker = await poseWorker(page);
      // Dies without a message or an error event, as a crashed worker does.
      await worker.evaluate(() => self.close()).catch(() => {});
      const before = (await measures(page)).poses;
      await expect.poll(() => note(page), { timeout: 60_000 }).toBe(TROUBLE_WORDS.stopped);
      expect(await page.getByTestId('paused').isVisible()).toBe(true);
      expect(await page.getByTestId('cue').getAttribute('data-code')).toBe('');
      await page.screenshot({ path: join(SCREENSHOTS, 'fault-worker-stopped.png') });
      await expect.poll(() => note(page), { timeout: 120_000 }).toBe(TROUBLE_WORDS.restarted);
      expect(await page.getByTestId('captions').textContent()).toContain(TROUBLE_WORDS.restarted);
      expect(await page.getByTestId('paused').count()).toBe(0);
      expect(await faults(page)).toEqual({ restarts: 1, switches: 0 });
      expect(await page.getByTestId('status-line').textContent()).toContain('mediapipe/lite');
      const stalled = (await measures(page)).poses;
      expect(stalled - before).toBeLessThanOrEqual(1); // at most the frame already on its way back
      await expectNoGap(page, stalled, 'worker restart');
      await page.screenshot({ path: join(SCREENSHOTS, 'fault-worker-restarted.png') });
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_MS,
  );

  it(
    'an engine failing on every frame pauses with a message, then the other engine takes over',
    async () => {
      const { page, errors } = await openApp(ctx());
      await startLive(page);
      await waitForHold(page, 500);
      const worker = await poseWorker(page);
      // From now on every frame fails inside the worker's frame handling (its clock throws there;
      // a closed bitmap made MediaPipe hang instead, which the stall watchdog then caught).
      await worker.evaluate(() => {
        const handle = self.onmessage!;
        const now = performance.now.bind(performance);
        self.onmessage = (e: MessageEvent) => {
          if (e.data?.type !== 'frame') return handle.call(self, e);
          performance.now = () => {
            performance.now = now;
            throw new Error('injected engine failure');
          };
          return handle.call(self, e);
        };
      });
      await page.getByTestId('fault-note').waitFor({ timeout: 60_000 });
      const lost = await note(page);
      expect(lost).toContain('failed on several frames in a row (injected engine failure)');
      expect(lost).toContain('trying TensorFlow.js BlazePose lite instead');
      expect(await page.getByTestId('fault-note').getAttribute('role')).toBe('alert');
      expect(await page.getByTestId('paused').isVisible()).toBe(true);
      expect(await page.getByTestId('cue').getAttribute('data-code')).toBe('');
      expect(await page.getByTestId('cue-live').textContent()).toBe('');
      await page.screenshot({ path: join(SCREENSHOTS, 'fault-engine-failing.png') });
      const switched = TROUBLE_WORDS.switched('TensorFlow.js BlazePose lite');
      await expect.poll(() => note(page), { timeout: 180_000 }).toBe(switched);
      expect(await faults(page)).toEqual({ restarts: 0, switches: 1 });
      const stepsBefore = (await measures(page)).poses;
      await expect
        .poll(async () => (await measures(page)).poses, { timeout: 60_000 })
        .toBeGreaterThan(stepsBefore + 5);
      expect(await page.getByTestId('status-line').textContent()).toContain('tfjs/blazepose-lite');
      expect(await page.getByTestId('frame-error').count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'fault-engine-switched.png') });
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_MS,
  );

  it(
    'a hidden tab pauses the loop and the hold; shown again, the hold goes on with no gap counted',
    async () => {
      const { page, errors } = await openApp(ctx());
      await startLive(page);
      await waitForHold(page);
      const setHidden = (hidden: boolean) =>
        page.evaluate((h) => {
          if (h) {
            Object.defineProperty(document, 'visibilityState', {
              configurable: true,
              get: () => 'hidden',
            });
            Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
          } else {
            // The document's own properties go; the real ones (the prototype's) show through again.
            delete (document as unknown as Record<string, unknown>).visibilityState;
            delete (document as unknown as Record<string, unknown>).hidden;
          }
          document.dispatchEvent(new Event('visibilitychange'));
        }, hidden);
      await setHidden(true);
      await page.getByTestId('paused').waitFor({ timeout: 10_000 });
      expect(await note(page)).toBe(INTERRUPTION_WORDS.hidden);
      const hiddenAt = (await measures(page)).poses;
      // The fault itself: the tab stays hidden for one loop of the clip.
      await page.waitForTimeout(CLIP_LOOP_MS);
      // At most the frame already in flight came back; none was analysed while hidden.
      expect((await measures(page)).poses - hiddenAt).toBeLessThanOrEqual(1);
      const stepsBefore = (await measures(page)).poses;
      await setHidden(false);
      await expect.poll(() => note(page), { timeout: 10_000 }).toBe(INTERRUPTION_WORDS.back);
      expect(await page.getByTestId('paused').count()).toBe(0);
      await expectNoGap(page, stepsBefore, 'hidden tab');
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_MS,
  );

  it(
    'two tabs: the second says another coaches; "Coach here instead" moves the coaching over',
    async () => {
      const a = await openApp(ctx());
      await startLive(a.page);
      const b = await openApp(ctx());
      await b.page.getByTestId('other-tab').waitFor({ timeout: 30_000 });
      expect(await b.page.getByTestId('start-camera').count()).toBe(0);
      await b.page.screenshot({ path: join(SCREENSHOTS, 'fault-second-tab.png') });
      await b.page.getByTestId('take-over').focus();
      await b.page.keyboard.press('Enter');
      await b.page.getByTestId('start-camera').waitFor({ timeout: 30_000 });
      // The first tab stood down: its session ended, its camera is off, it says where the coach went.
      await a.page.getByTestId('other-tab').waitFor({ timeout: 30_000 });
      await expect
        .poll(() =>
          coachOf(a.page).evaluate(
            (coach) => (coach as unknown as LiveCoach).camera.stream === undefined,
          ),
        )
        .toBe(true);
      // And it can take the coaching back: its summary of the session it ended shows again.
      await a.page.getByTestId('take-over').click();
      await b.page.getByTestId('other-tab').waitFor({ timeout: 30_000 });
      await expect.poll(() => a.page.getByTestId('other-tab').count(), { timeout: 30_000 }).toBe(0);
      await a.page.screenshot({ path: join(SCREENSHOTS, 'fault-tab-taken-back.png') });
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
      await a.page.close();
      await b.page.close();
    },
    TEST_MS,
  );
});

/** The loop's keep-up and GPU moves so far. */
const adapted = (page: Page) =>
  coachOf(page).evaluate((coach) => ({ ...(coach as unknown as LiveCoach).loop.adapted }));

/**
 * Notes the coach's step count when the loop says a model is back (the
 * steps before it came from the old worker) and the engine then, in
 * `window.swBack` (a list: one entry per `back`).
 */
function watchBacks(page: Page) {
  return coachOf(page).evaluate((el) => {
    const coach = el as unknown as LiveCoach;
    const w = window as unknown as { swBack: { poses: number; message: string }[] };
    w.swBack = [];
    const loop = coach.loop;
    const previous = loop.onTrouble;
    loop.onTrouble = (t) => {
      if (t.kind === 'back') w.swBack.push({ poses: coach.measures.poses, message: t.message });
      previous(t);
    };
  });
}
const backs = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { swBack: { poses: number; message: string }[] }).swBack,
  );

describe('keeping up and the GPU (production build)', () => {
  const ctx = contextPerDescribe();

  it(
    'Automatic: a model falling behind the camera is swapped for a lighter one, said in words, the hold going on',
    async () => {
      const { page, errors } = await openApp(ctx(), { engine: 'auto', holdTargetS: 30 });
      await startLive(page);
      await waitForHold(page, 500);
      const loop = () =>
        coachOf(page).evaluate((coach) => {
          const l = (coach as unknown as LiveCoach).loop;
          return { spec: l.spec!, fps: l.stats.fps, ceiling: l.keepUpCeiling };
        });
      const before = await loop();
      // Automatic turned keeping up on (a busy machine may already have stepped down a rung).
      expect(before.ceiling).toBeDefined();
      const lighter = keepUpLadder(before.spec)[1]!;
      await watchBacks(page);
      const worker = await poseWorker(page);
      // A busy machine may have restarted a stalled worker before; the switch itself adds none.
      const faultsBefore = await faults(page);
      const adaptedBefore = await adapted(page);
      // From now on the worker takes 300 ms longer over every frame (a slower device, as the loop
      // sees it: grab to result), without failing any.
      const injectedAt = Date.now();
      await worker.evaluate(() => {
        const handle = self.onmessage!;
        self.onmessage = (e: MessageEvent) => {
          if (e.data?.type !== 'frame') return handle.call(self, e);
          setTimeout(() => handle.call(self, e), 300);
        };
      });
      const message = TROUBLE_WORDS.keptUp(engineWords(lighter));
      await expect.poll(() => note(page), { timeout: 120_000 }).toBe(message);
      const switchedAfterMs = Date.now() - injectedAt;
      expect(await page.getByTestId('fault-note').getAttribute('role')).toBe('status');
      expect(await page.getByTestId('captions').textContent()).toContain(message);
      // One step down for the injected slowness, counted from before it (an earlier step on a
      // busy machine is its own, already in `before.spec`).
      const adaptedAfter = await adapted(page);
      expect({
        down: adaptedAfter.down - adaptedBefore.down,
        up: adaptedAfter.up - adaptedBefore.up,
        toCpu: adaptedAfter.toCpu - adaptedBefore.toCpu,
      }).toEqual({ down: 1, up: 0, toCpu: 0 });
      expect(await faults(page)).toEqual(faultsBefore);
      expect(await page.getByTestId('paused').count()).toBe(0);
      expect(await page.getByTestId('status-line').textContent()).toContain(specKey(lighter));
      const [back] = await backs(page);
      expect(back?.message).toBe(message);
      await expectNoGap(page, back!.poses, 'keep-up switch');
      const after = await loop();
      console.log(
        `keep-up: ${specKey(before.spec)} at ${before.fps?.toFixed(1)} fps; 300 ms injected; ` +
          `switched to ${specKey(after.spec)} ${Math.round(switchedAfterMs / 100) / 10} s later, now ${after.fps?.toFixed(1)} fps`,
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'fault-keep-up.png') });
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_MS,
  );

  it(
    'the GPU context lost mid-hold → the same model on the CPU, the person told, the session kept',
    async () => {
      // Injected at the worker's boundary: this machine's headless GPU is SwiftShader, where
      // MediaPipe's GPU delegate took over 20 s for a first frame and tfjs WebGL gave none in
      // 200 s. So MediaPipe lite runs on the CPU, the page is told it runs on the GPU, and the
      // worker posts what its WebGL watch posts on a real loss (that watch, on a real lost
      // context, is tested in tests/browser/engine-gpu-watch.test.ts).
      const { page, errors } = await openApp(ctx());
      await startLive(page);
      await waitForHold(page, 500);
      await watchBacks(page);
      await coachOf(page).evaluate((coach) => {
        const info = (coach as unknown as LiveCoach).loop.client!.info;
        (info.runtime as { backend: string }).backend = 'GPU';
      });
      const worker = await poseWorker(page);
      await worker.evaluate(() =>
        self.postMessage({ type: 'gpu-lost', message: 'the graphics context was lost' }),
      );
      await expect.poll(() => note(page), { timeout: 60_000 }).toBe(TROUBLE_WORDS.gpuLost);
      expect(await page.getByTestId('paused').isVisible()).toBe(true);
      const back = TROUBLE_WORDS.onCpu('MediaPipe lite');
      await expect.poll(() => note(page), { timeout: 120_000 }).toBe(back);
      expect(await adapted(page)).toEqual({ down: 0, up: 0, toCpu: 1 });
      expect(
        await coachOf(page).evaluate((coach) => (coach as unknown as LiveCoach).loop.spec),
      ).toEqual({ engine: 'mediapipe', model: 'lite', delegate: 'CPU' });
      expect(await page.getByTestId('status-line').textContent()).toContain('mediapipe/lite (CPU)');
      expect(await page.getByTestId('paused').count()).toBe(0);
      const [entry] = await backs(page);
      await expectNoGap(page, entry!.poses, 'GPU context lost');
      await page.screenshot({ path: join(SCREENSHOTS, 'fault-gpu-lost.png') });
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_MS,
  );
});
