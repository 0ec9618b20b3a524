/**
 * Keeping up with the camera, both ways, in Chromium: the live coach on
 * Automatic (the dev server's harness, the fake camera playing a rendered
 * child's-pose clip, real MediaPipe / TensorFlow.js models in the real
 * pose worker) steps down to the next lighter model when frames take
 * longer than the budget, and back up to the model it chose when there is
 * room again, saying each step in the status line.
 *
 * Machine speed decides nothing here: the slowness is injected. Through
 * the DevTools protocol each pose worker's frame handling is held back
 * for a set time (the model's own run is untouched), so the loop's grab
 * to result is that hold plus the model. The rule's budget is set far
 * above any model's time on this machine (1.2 s a frame, through the
 * loop's `keepUpOptions`, windows shortened so the test is quick): a 1.6 s
 * hold on the chosen model puts it behind; a 0.6 s hold on the lighter one
 * lets the rule learn from both how much dearer the chosen model is here;
 * lifting that hold leaves room to go back up.
 */
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { expect, it } from 'vitest';
import { TROUBLE_WORDS } from '../../src/controllers/pose-loop-controller.ts';
import type { EngineSpec } from '../../src/pose/create-pose-engine.ts';
import { type KeepUpOptions, keepUpLadder } from '../../src/pose/keep-up-rule.ts';
import { engineWords, specKey } from '../../src/pose/lighter-engine.ts';
import type { LiveCoach } from '../../src/ui/live-session/live-coach.ts';
import { coachOnClip, reachLive, SCREENSHOTS } from './live-coach-page.ts';

const CLIP = 'child-good-side-male';
/** The rule's budget and windows for this test: one frame in 1.2 s is keeping up. */
const OPTIONS: Partial<KeepUpOptions> = {
  targetFps: 1000 / 1200,
  upShare: 0.9,
  downWindowMs: 5000,
  upWindowMs: 5000,
  settleMs: 1000,
  upCooldownMs: 1000,
};
/** Held back per frame on the chosen model (behind) and on the lighter one until the rule has measured it, ms. */
const BEHIND_MS = 1600;
const LIGHTER_MS = 600;

const shared = coachOnClip(CLIP, { engine: 'auto', voice: { enabled: false } });

const coach = (page: Page) => page.locator('sw-live-coach');

/** The loop's engine now, its keep-up state and moves. */
const loopState = (page: Page) =>
  coach(page).evaluate((el) => {
    const loop = (el as unknown as LiveCoach).loop;
    const rule = loop.keepUp;
    return {
      spec: loop.spec,
      ceiling: loop.keepUpCeiling,
      at: rule?.at,
      ratioKnown: rule ? rule.ratio[rule.at] !== undefined : false,
      adapted: { ...loop.adapted },
      faults: { ...loop.faults },
    };
  });

const note = (page: Page) => page.getByTestId('fault-note').textContent();

/** Pose workers now alive, by their DevTools handle. */
const poseWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('pose-worker'));

/**
 * Holds every later frame message in `worker` for `ms` (0: lets them through
 * again). The worker's own handler is kept and called after the hold.
 */
async function holdFrames(worker: Worker, ms: number): Promise<void> {
  await worker.evaluate(async (hold) => {
    const w = self as unknown as {
      onmessage: ((e: MessageEvent) => void) | null;
      swHoldMs?: number;
    };
    // The module sets its handler as it starts: wait for it.
    while (!w.onmessage) await new Promise((r) => setTimeout(r, 5));
    if (w.swHoldMs === undefined) {
      const handle = w.onmessage;
      w.onmessage = (e: MessageEvent) => {
        if (e.data?.type !== 'frame' || !w.swHoldMs) return handle.call(self, e);
        setTimeout(() => handle.call(self, e), w.swHoldMs);
      };
    }
    w.swHoldMs = hold;
  }, ms);
}

it('Automatic steps down to a lighter model when frames miss the budget, and back up when there is room', async () => {
  const { page } = shared.c;
  const t0 = Date.now();
  const at = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  await coach(page).evaluate((el, options) => {
    (el as unknown as LiveCoach).loop.keepUpOptions = options;
  }, OPTIONS);
  // Every pose worker started from now on (the lighter model's, loaded while the chosen one
  // runs) is held back by LIGHTER_MS from its start, before it analyses a frame.
  let holdNew = false;
  let lighterWorker: Worker | undefined;
  let heldForLighter: Promise<void> = Promise.resolve();
  page.on('worker', (w) => {
    if (!holdNew || !w.url().includes('pose-worker')) return;
    lighterWorker = w;
    heldForLighter = holdFrames(w, LIGHTER_MS);
  });
  await page.getByTestId('choose-childs-pose').click();
  await page.getByTestId('start-camera').click();
  await reachLive(page, 60_000);
  const chosen = await loopState(page);
  const ceiling = chosen.spec as EngineSpec;
  expect(chosen.ceiling).toEqual(ceiling); // Automatic turned keeping up on, from its choice
  const lighter = keepUpLadder(ceiling)[1]!;
  const [first] = poseWorkers(page);
  expect(first).toBeDefined();
  holdNew = true;
  await holdFrames(first!, BEHIND_MS);

  // Behind: the lighter model, said in the status line, the session going on.
  const down = TROUBLE_WORDS.keptUp(engineWords(lighter));
  await expect.poll(() => note(page), { timeout: 120_000 }).toBe(down);
  await heldForLighter;
  expect(lighterWorker).toBeDefined();
  const after = await loopState(page);
  expect(after.spec).toEqual(lighter);
  expect(after.adapted).toEqual({ down: 1, up: 0, toCpu: 0 });
  expect(await page.getByTestId('fault-note').getAttribute('role')).toBe('status');
  expect(await page.getByTestId('status-line').textContent()).toContain(specKey(lighter));
  expect(await page.getByTestId('paused').count()).toBe(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'keep-up-down.png') });
  const downAt = at();

  // The rule measures the lighter model (held) against the chosen one, then the hold goes.
  await expect.poll(async () => (await loopState(page)).ratioKnown, { timeout: 60_000 }).toBe(true);
  await holdFrames(lighterWorker!, 0);
  const up = TROUBLE_WORDS.steppedUp(engineWords(ceiling));
  await expect.poll(() => note(page), { timeout: 120_000 }).toBe(up);
  const back = await loopState(page);
  expect(back.spec).toEqual(ceiling);
  expect(back.adapted).toEqual({ down: 1, up: 1, toCpu: 0 });
  expect(back.faults).toEqual(chosen.faults); // swapped, never restarted
  expect(await page.getByTestId('status-line').textContent()).toContain(specKey(ceiling));
  expect(await page.getByTestId('captions').textContent()).toContain(up);
  await page.screenshot({ path: join(SCREENSHOTS, 'keep-up-up.png') });
  console.log(
    `keep-up: chose ${specKey(ceiling)}; down to ${specKey(lighter)} at ${downAt}, back up at ${at()}`,
  );

  expect(shared.c.browser.offOrigin).toEqual([]);
  expect(shared.c.errors).toEqual([]);
}, 300_000);
