/**
 * The live coach end to end in headless Chromium: a fake camera plays a
 * rendered clip (real pixels), the real MediaPipe lite model runs in the
 * pose worker, and the page goes through setup into a live session. A
 * faulty child's-pose clip (hips left high) must draw the skeleton and show
 * "Sink your hips toward your heels"; a good one must show no correction;
 * the hold timer may only grow on good-form frames; sharp pain, a refused
 * camera and a camera that stops each show their screen; nothing leaves the
 * origin. Prints the long-task count and the frame-to-cue latency.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cueDefinition } from '../../src/feedback/cue-vocabulary.ts';
import type { LiveCoach } from '../../src/ui/live-session/live-coach.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import {
  type CoachPage,
  closeCameraBrowsers,
  fakeCameraArgs,
  MODEL_LOAD_MS,
  measures,
  openCoach,
  reachLive,
  SCREENSHOTS,
  skeletonPixels,
} from './live-coach-page.ts';

const FAULTY = 'child-hips-not-back-side-female';
const GOOD = 'child-good-side-male';
const TWIST = 'twist-good-left-front-female';
const ROLLER = 'roller-hips-high-side-female';
/** Camera time of two loops of the 12 s good clip, ms. */
const TWO_LOOPS_MS = 24_000;
/** Corrections (not praise or setup) the good clip must never get. */
const CORRECTIONS = ['hips-back', 'palms-together', 'bend-elbows'];

let server: RunningServer;
const clips: Record<string, string> = {};

beforeAll(async () => {
  // Rendered on first use (~15 s each), then cached under test-results/camera-clips/.
  clips[FAULTY] = await cameraClip(FAULTY);
  clips[GOOD] = await cameraClip(GOOD);
  clips[TWIST] = await cameraClip(TWIST);
  clips[ROLLER] = await cameraClip(ROLLER);
  server = await startDevServer();
}, 180_000);

afterAll(async () => {
  await closeCameraBrowsers();
  await server?.close();
});

/** Checks the trace: the hold time never grows on a frame judged off or unseen. */
function expectHoldOnlyOnGoodForm(trace: { formGood: boolean | undefined; heldMs: number }[]) {
  for (let i = 1; i < trace.length; i++) {
    const grew = trace[i]!.heldMs > trace[i - 1]!.heldMs;
    if (grew) expect(trace[i]!.formGood, `hold grew on step ${i}`).toBe(true);
  }
}

describe(`faulty clip ${FAULTY}`, () => {
  let c: CoachPage;

  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(clips[FAULTY]));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('goes from setup help to a live session with the skeleton drawn', async () => {
    const { page } = c;
    await page.getByTestId('choose-childs-pose').click();
    await page.getByTestId('start-camera').click();
    await page.getByTestId('setup-checks').waitFor({ timeout: MODEL_LOAD_MS });
    await expect
      .poll(() => page.locator('[data-check="whole-body"]').getAttribute('data-ok'), {
        timeout: 20_000,
      })
      .toBe('true');
    expect(await page.locator('[data-check="angle"]').getAttribute('data-ok')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS, 'live-setup.png') });
    const how = await reachLive(page);
    console.log(`live stage reached: ${how}`);
    await expect.poll(() => skeletonPixels(page), { timeout: 10_000 }).toBeGreaterThan(500);
    const status = (await page.getByTestId('status-line').textContent())?.replace(/\s+/g, ' ');
    expect(status).toMatch(/mediapipe\/lite \(CPU\) · [\d.]+ fps · model \d+ ms · latency \d+ ms/);
  });

  it('shows the hips cue as text, in the cue banner, the live region and the captions', async () => {
    const { page } = c;
    const text = cueDefinition('hips-back').text;
    await page.locator('[data-testid="cue"][data-code="hips-back"]').waitFor({ timeout: 30_000 });
    expect((await page.getByTestId('cue').textContent())?.trim()).toBe(text);
    expect(await page.getByTestId('cue-live').textContent()).toBe(text);
    expect(await page.getByTestId('captions').textContent()).toContain(text);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-faulty-cue.png') });
  });

  it('advances the hold timer only on good-form frames, and does advance once the hips sink back', async () => {
    const { page } = c;
    await expect
      .poll(async () => Math.max(0, ...(await measures(page)).trace.map((t) => t.heldMs)), {
        timeout: 30_000,
      })
      .toBeGreaterThan(2000);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-holding.png') });
    const m = await measures(page);
    expectHoldOnlyOnGoodForm(m.trace);
    // Frames that raised the fault were never counted as good form.
    for (const t of m.trace) if (t.raised.includes('hips-back')) expect(t.formGood).toBe(false);
    expect(m.trace.some((t) => t.raised.includes('hips-back'))).toBe(true);
  });

  it('pauses with the space key and resumes', async () => {
    const { page } = c;
    await page.keyboard.press('Space');
    await page.getByTestId('paused').waitFor();
    const before = (await measures(page)).poses;
    await page.waitForTimeout(1500);
    expect((await measures(page)).poses).toBe(before);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await measures(page)).poses).toBeGreaterThan(before);
    // Space on the focused Pause button presses it once (not the button and the shortcut both).
    await page.getByTestId('pause').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('paused').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('paused').count()).toBe(1);
    await page.keyboard.press('Space');
    await page.getByTestId('paused').waitFor({ state: 'detached' });
    await page.getByTestId('pause').blur();
  });

  it('measures: main-thread long tasks and frame-to-cue latency', async () => {
    const m = await measures(c.page);
    const lat = [...m.cueLatencyMs].sort((a, b) => a - b);
    const median = lat[Math.floor(lat.length / 2)];
    console.log(
      `long tasks (>50 ms) since loading: ${m.longTasks}, longest ${Math.round(m.longestTaskMs)} ms; ` +
        `during live coaching: ${m.liveLongTasks}, longest ${Math.round(m.liveLongestTaskMs)} ms; ` +
        `frame-to-cue latency over ${lat.length} cues: median ${Math.round(median ?? 0)} ms, ` +
        `max ${Math.round(lat.at(-1) ?? 0)} ms; ${m.poses} poses, main-thread work per pose ` +
        `${(m.totalStepMs / Math.max(1, m.poses)).toFixed(1)} ms mean, ${m.maxStepMs.toFixed(1)} ms max`,
    );
    // Speed is reported, not asserted: a busy machine must not fail the suite
    // (the figures belong to the benchmark scripts). That cues were timed at all is.
    expect(lat.length).toBeGreaterThan(0);
    expect(lat.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
  });

  it('ends at once on "sharp pain" (key P) with the safety advice, camera off', async () => {
    const { page } = c;
    await page.keyboard.press('p');
    const advice = page.locator('sw-safety-advice');
    await advice.waitFor();
    expect(await advice.getAttribute('reason')).toBe('sharp-pain');
    await page.getByTestId('safety-advice').waitFor();
    expect(await page.getByTestId('summary').count()).toBe(1);
    expect(
      await page.evaluate(() => {
        const coach = document.querySelector('sw-live-coach')!;
        return coach.camera.stream === undefined;
      }),
    ).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-sharp-pain.png'), fullPage: true });
  });

  it('sent no request outside the origin and threw no page error', () => {
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});

describe(`good clip ${GOOD}`, () => {
  let c: CoachPage;

  beforeAll(async () => {
    // MediaPipe lite, the engine whose hold timing is measured (README, issue 14). Automatic (its
    // wording: engine-autopick.test.ts; in Chromium: live-loading, keep-up-steps, session-faults)
    // picks MediaPipe full on a quiet machine, and full cut this clip's 7 s hold to a 2.5 s peak
    // (CI run, 2026-12-03): full has no recorded streams, so its holds are not measured.
    c = await openCoach(server.url, fakeCameraArgs(clips[GOOD]), { engine: 'mediapipe/lite' });
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('coaches a whole loop of the clip without a correction, and the hold grows', async () => {
    const { page } = c;
    // Keeping up is tested on its own (keep-up-steps, session-faults): here a busy machine's step
    // down would swap the model mid-loop (on CI, MediaPipe full to lite then raised the palms cue).
    await page.locator('sw-live-coach').evaluate((el) => {
      (el as unknown as LiveCoach).loop.keepUpOptions = { downWindowMs: 3_600_000 };
    });
    await page.getByTestId('choose-childs-pose').click();
    await page.getByTestId('start-camera').click();
    await reachLive(page, 60_000);
    // A whole loop of the 12 s clip, at least: 100 judged poses, or, on a loaded
    // machine that analyses fewer frames a second, two loops of camera time
    // (every moment of the clip judged twice) rather than a wait set by the load.
    await expect
      .poll(
        async () => {
          const { poses, trace } = await measures(page);
          const spanMs = trace.length ? trace.at(-1)!.tMs - trace[0]!.tMs : 0;
          return poses > 100 || spanMs >= TWO_LOOPS_MS;
        },
        { timeout: 150_000, interval: 1000 },
      )
      .toBe(true);
    const m = await measures(page);
    const corrections = m.trace.flatMap((t) => t.raised).filter((r) => CORRECTIONS.includes(r));
    const shown = await page.getByTestId('captions').textContent();
    for (const code of CORRECTIONS)
      expect(shown).not.toContain(cueDefinition(code as 'hips-back').text);
    // Raised conditions may flicker for a frame; the policy must not have turned them into a cue.
    const spanS = ((m.trace.at(-1)?.tMs ?? 0) - (m.trace[0]?.tMs ?? 0)) / 1000;
    console.log(
      `good clip: ${m.poses} poses over ${spanS.toFixed(1)} s; ${corrections.length} frames raised a correction (never cued)`,
    );
    expectHoldOnlyOnGoodForm(m.trace);
    expect(Math.max(...m.trace.map((t) => t.heldMs))).toBeGreaterThan(3000);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-good.png') });
  }, 300_000);

  it('pauses when the camera stops mid-session, keeps the session, and resumes', async () => {
    const { page } = c;
    const holdsBefore = await page.getByTestId('hold-count').textContent();
    await page.evaluate(() => {
      const coach = document.querySelector('sw-live-coach')!;
      // What the browser does when a camera is unplugged: the track ends.
      coach.camera.stream!.getVideoTracks()[0]!.dispatchEvent(new Event('ended'));
    });
    const problem = page.getByTestId('camera-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-kind')).toBe('ended');
    await page.getByTestId('session-kept').waitFor();
    expect(await page.getByTestId('hold-count').textContent()).toBe(holdsBefore);
    await page.getByTestId('paused').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'live-camera-ended.png'), fullPage: true });
    const poses = (await measures(page)).poses;
    await page.getByTestId('camera-retry').click();
    await problem.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await measures(page)).poses, { timeout: 20_000 })
      .toBeGreaterThan(poses + 5);
  });

  it('stops with a summary of the holds', async () => {
    const { page } = c;
    await page.evaluate(() => {
      const coach = document.querySelector('sw-live-coach')!;
      (window as unknown as { track: MediaStreamTrack }).track =
        coach.camera.stream!.getVideoTracks()[0]!;
    });
    await page.getByTestId('stop').click();
    await page.getByTestId('summary').waitFor();
    // Stopping released the camera and the worker.
    expect(
      await page.evaluate(
        () => (window as unknown as { track: MediaStreamTrack }).track.readyState,
      ),
    ).toBe('ended');
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('summary-holds').count()).toBe(1);
    expect(await page.getByTestId('summary-total').textContent()).toMatch(
      /^\d+ holds?, [\d.]+ s in good form/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'live-summary.png'), fullPage: true });
  });

  it('stored the finished session on this device (IndexedDB "sessions")', async () => {
    const { page } = c;
    const read = () =>
      page.evaluate(
        () =>
          new Promise<{ exercise: string; endedMs?: number; report: { holds: unknown[] } }[]>(
            (resolve, reject) => {
              const open = indexedDB.open('spinewise');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                const get = db.transaction('sessions').objectStore('sessions').getAll();
                get.onsuccess = () => {
                  db.close();
                  resolve(get.result);
                };
                get.onerror = () => reject(get.error);
              };
            },
          ),
      );
    await expect
      .poll(async () => (await read())[0]?.endedMs, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.getByTestId('summary-saved').waitFor();
    const [session] = await read();
    expect(session!.exercise).toBe('childs-pose');
    expect(session!.report.holds.length).toBe(
      Number((await page.getByTestId('summary-total').textContent())?.match(/^(\d+)/)?.[1]),
    );

    // "Start another" goes back to choosing and tells the shell, which asks the daily check first.
    await page.evaluate(() => {
      const w = window as unknown as { again: number };
      w.again = 0;
      document.addEventListener('sw-session-again', () => w.again++);
    });
    await page.getByTestId('again').click();
    expect(await page.evaluate(() => (window as unknown as { again: number }).again)).toBe(1);
  });

  it('sent no request outside the origin and threw no page error', () => {
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});

describe(`no stretch chosen: recognition on ${FAULTY}`, () => {
  let c: CoachPage;

  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(clips[FAULTY]));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('recognises child’s pose, offers to coach it, and coaches it when accepted (key C)', async () => {
    const { page } = c;
    await page.getByTestId('choose-recognise').click();
    await page.getByTestId('start-camera').click();
    await reachLive(page, 30_000);
    await page.getByTestId('accept-recognised').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('recognise').textContent()).toContain('Child’s pose');
    await page.screenshot({ path: join(SCREENSHOTS, 'live-recognised.png') });
    await page.keyboard.press('c');
    await page.getByTestId('recognise').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await measures(page)).trace.at(-1)?.formGood, { timeout: 20_000 })
      .toBeDefined();
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});

describe(`seated twist ${TWIST}`, () => {
  let c: CoachPage;

  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(clips[TWIST]));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('shows the side, the rotation with its uncertainty, and times a hold', async () => {
    const { page } = c;
    await page.getByTestId('choose-seated-twist').click();
    await page.getByTestId('twist-left').click();
    await page.getByTestId('start-camera').click();
    await reachLive(page, 30_000);
    expect(await page.getByTestId('side').textContent()).toContain('left');
    await expect
      .poll(async () => (await page.getByTestId('rotation').textContent())?.trim(), {
        timeout: 20_000,
      })
      .toMatch(/^-?\d+° ± \d+°$/);
    await expect
      .poll(async () => Math.max(0, ...(await measures(page)).trace.map((t) => t.heldMs)), {
        timeout: 30_000,
      })
      .toBeGreaterThan(1000);
    expectHoldOnlyOnGoodForm((await measures(page)).trace);
    // The preview is a mirror, the skeleton with it; the model saw the true image (the hold
    // above counts only when the chest turns toward the LEFT knee: a mirrored frame would read right).
    const transforms = await page.evaluate(() => {
      const root = document.querySelector('sw-live-coach')!.shadowRoot!;
      return ['video', 'canvas'].map((s) => getComputedStyle(root.querySelector(s)!).transform);
    });
    expect(transforms).toEqual(['matrix(-1, 0, 0, 1, 0, 0)', 'matrix(-1, 0, 0, 1, 0, 0)']);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-twist.png') });
    await page.getByTestId('switch-side').click();
    expect(await page.getByTestId('side').textContent()).toContain('right');
    expect(await page.getByTestId('switch-side').textContent()).toContain('Switch to left');
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});

describe(`foam roller, faulty clip ${ROLLER} (lying across the frame)`, () => {
  let c: CoachPage;

  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(clips[ROLLER]));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('says "keep your hips low" and counts a pause once they are low', async () => {
    const { page } = c;
    await page.getByTestId('choose-foam-roller').click();
    await page.getByTestId('start-camera').click();
    await reachLive(page, 30_000);
    await page
      .locator('[data-testid="cue"][data-code="keep-hips-low"]')
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => Math.max(0, ...(await measures(page)).trace.map((t) => t.heldMs)), {
        timeout: 30_000,
      })
      .toBeGreaterThan(2000);
    const m = await measures(page);
    expectHoldOnlyOnGoodForm(m.trace);
    for (const t of m.trace) if (t.raised.includes('keep-hips-low')) expect(t.formGood).toBe(false);
    expect(await page.getByTestId('hip-lift').textContent()).toMatch(/^\d\.\d\d thigh lengths$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-roller.png') });
    console.log(
      `roller: ${m.longTasks} long tasks since loading (longest ${Math.round(m.longestTaskMs)} ms), ${m.liveLongTasks} while live; cue latencies ${m.cueLatencyMs.map(Math.round).join(', ')} ms`,
    );
    expect(c.browser.offOrigin).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});

describe('camera refused', () => {
  let c: CoachPage;

  beforeAll(async () => {
    c = await openCoach(server.url, fakeCameraArgs(undefined, false));
  });
  afterAll(async () => {
    await c?.browser.close();
  });

  it('shows how to allow the camera again; retrying asks again; Back returns to the choice', async () => {
    const { page } = c;
    await page.getByTestId('start-camera').click();
    const problem = page.getByTestId('camera-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.getAttribute('data-kind')).toBe('refused');
    expect(await problem.textContent()).toContain('Set Camera to “Allow”');
    await page.screenshot({ path: join(SCREENSHOTS, 'live-camera-refused.png'), fullPage: true });
    await page.getByTestId('camera-retry').click();
    await problem.waitFor();
    expect(await problem.getAttribute('data-kind')).toBe('refused');
    await page.getByTestId('camera-back').click();
    await page.getByTestId('start-camera').waitFor();
    expect(c.browser.offOrigin).toEqual([]);
  });
});
