/**
 * History in Chromium on its real IndexedDB: three sessions over three days
 * (the twist on both sides twice, the roller once, with cues and a measure
 * sample a second) and two pain entries come in through the app's own
 * import; after a reload the charts show each stretch and side, the
 * screen-reader tables hold the numbers worked out by hand, a session's
 * timeline opens with its holds, cues and a rotation curve broken where the
 * rotation was unknown, and a cue is read by keyboard. axe finds nothing
 * serious; nothing leaves the origin. Screenshots in test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../src/session/export-schema.ts';
import { seriousAxeFindings } from '../support/axe.ts';
import {
  type OfflineBrowser,
  openOfflineBrowser,
  openRunContext,
} from '../support/offline-browser.ts';
import { passSafetyScreen } from '../support/safety-screen.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { fakeCameraArgs, reachLive, SCREENSHOTS } from './live-coach-page.ts';

/** A good left twist, front view: the coached session whose timeline is checked. */
const TWIST_CLIP = 'twist-good-left-front-female';

const NOW = '2026-03-10T18:00:00';
/** Local time (Node and Chromium share the machine's time zone). */
const at = (iso: string) => new Date(iso).getTime();

function hold(t0: number, atS: number, heldS: number, side?: 'left' | 'right', spanS = heldS) {
  return {
    startMs: t0 + atS * 1000,
    endMs: t0 + (atS + spanS) * 1000,
    heldMs: heldS * 1000,
    ...(side ? { side } : {}),
  };
}

/** One sample a second for `s` seconds; rotation unknown from 30 to 34 s. */
function twistSamples(t0: number, s: number) {
  return Array.from({ length: s }, (_, i) =>
    i >= 30 && i < 35
      ? { atMs: t0 + i * 1000 }
      : { atMs: t0 + i * 1000, rotationDeg: Math.round(40 * Math.sin(i / 8)) },
  );
}

const d1 = at('2026-03-08T08:00:00');
const d2 = at('2026-03-09T08:00:00');
const d3 = at('2026-03-10T08:00:00');

/** A file as version 1 of the export wrote it (sessions as holds, cues and samples): it still imports. */
const FILE = {
  format: EXPORT_FORMAT,
  version: 1,
  exportedAt: new Date(d3 + 3_600_000).toISOString(),
  screenings: [],
  'daily-checks': [],
  clearances: [],
  pain: [
    {
      id: 'p1',
      atMs: d1 + 600_000,
      day: '2026-03-08',
      level: 3,
      locations: ['upper-back'],
      context: 'after-session',
    },
    {
      id: 'p2',
      atMs: d3 + 600_000,
      day: '2026-03-10',
      level: 1,
      locations: ['upper-back'],
      context: 'after-session',
    },
  ],
  sessions: [
    {
      id: 'twist-1',
      exercise: 'seated-twist',
      startedMs: d1,
      endedMs: d1 + 90_000,
      // Left 21 s of good form over 24 s, then right 18 s.
      holds: [hold(d1, 5, 21, 'left', 24), hold(d1, 50, 18, 'right')],
      forcingCount: 1,
      holdTargetS: 20,
      cues: [
        { atMs: d1 + 3000, code: 'ease-off' },
        { atMs: d1 + 40_000, code: 'move-into-view' },
      ],
      metrics: twistSamples(d1, 90),
    },
    {
      id: 'twist-2',
      exercise: 'seated-twist',
      startedMs: d2,
      endedMs: d2 + 80_000,
      holds: [hold(d2, 5, 25, 'left'), hold(d2, 45, 20, 'right', 23)],
      forcingCount: 0,
      holdTargetS: 20,
      cues: [],
      metrics: twistSamples(d2, 80),
    },
    {
      id: 'roller-1',
      exercise: 'foam-roller',
      startedMs: d3,
      endedMs: d3 + 60_000,
      holds: [hold(d3, 2, 8), hold(d3, 20, 10), hold(d3, 40, 6)],
      forcingCount: 0,
      holdTargetS: 20,
      cues: [{ atMs: d3 + 15_000, code: 'ease-off' }],
      metrics: Array.from({ length: 60 }, (_, i) => ({ atMs: d3 + i * 1000, hipLiftThighs: 0.4 })),
    },
  ],
};

let server: RunningServer;
let browser: OfflineBrowser | undefined;
let clip: string;
const offOrigin: string[] = [];

beforeAll(async () => {
  clip = await cameraClip(TWIST_CLIP); // rendered by the global setup, cached
  server = await startDevServer();
}, 180_000);
afterEach(async () => {
  offOrigin.push(...(browser?.offOrigin ?? []));
  await browser?.close();
  browser = undefined;
});
afterAll(async () => {
  await server?.close();
  expect(offOrigin).toEqual([]);
});

async function openHistory(page: Page): Promise<void> {
  await passSafetyScreen(page);
  await page.getByRole('button', { name: 'Pain log and history' }).click();
  await page.locator('sw-pain-log').waitFor();
}

/** Imports `content` as a JSON file through the app's own Import button; waits for its result line. */
async function importFile(page: Page, name: string, content: unknown, result: RegExp) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('import').click(),
  ]);
  await chooser.setFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(content)),
  });
  await expect
    .poll(() => page.getByTestId('import-result').textContent(), { timeout: 30_000 })
    .toMatch(result);
}

/** A table's body as rows of cell texts. */
function rows(page: Page, testId: string, series?: string): Promise<string[][]> {
  const sel = series
    ? `[data-testid="${testId}"][data-series="${series}"]`
    : `[data-testid="${testId}"]`;
  return page
    .locator(`${sel} tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
}

/** A day as the page writes it, in the browser's own locale. */
function short(page: Page, day: string): Promise<string> {
  return page.evaluate((d) => {
    const [y, m, n] = d.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, n).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  }, day);
}

describe('History with three days of sessions', () => {
  it('charts holds per side after a reload, opens a timeline and reads a cue by keyboard', async () => {
    browser = await openRunContext(server.url, { viewport: { width: 1100, height: 900 } });
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    const url = `${server.url}/?now=${encodeURIComponent(NOW)}`;
    await page.goto(url);
    await page
      .locator('sw-screening')
      .or(page.getByTestId('nothing-new'))
      .first()
      .waitFor({ timeout: 120_000 });
    await openHistory(page);
    await page.getByTestId('history-empty').waitFor();
    expect(await page.getByTestId('history-empty').textContent()).toMatch(
      /Stretch.*Start the camera/s,
    );
    // The session list says how to start too: coach a first session, or review a video.
    expect((await page.getByTestId('sessions-empty').textContent())?.replace(/\s+/g, ' ')).toMatch(
      /No sessions recorded yet\. To coach your first, press Stretch.*Start the camera.*Review a video/,
    );

    await importFile(page, 'three-days.json', FILE, /3 sessions/);

    // Closed and opened again: everything comes from IndexedDB.
    await page.reload();
    await page
      .locator('sw-screening')
      .or(page.getByTestId('nothing-new'))
      .first()
      .waitFor({ timeout: 120_000 });
    await openHistory(page);
    await page.locator('[data-testid="hold-chart"]').first().waitFor();
    const charts = await page
      .getByTestId('hold-chart')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-series'), e.getAttribute('data-days')]),
      );
    expect(charts).toEqual([
      ['seated-twist-left', '2'],
      ['seated-twist-right', '2'],
      ['foam-roller', '1'],
    ]);
    const [m8, m9, m10] = await Promise.all(
      ['2026-03-08', '2026-03-09', '2026-03-10'].map((d) => short(page, d)),
    );
    // Day, best, total, holds, reached 20 s, worst pain.
    expect(await rows(page, 'hold-table', 'seated-twist-left')).toEqual([
      [m8, '21', '21', '1', '1', '3'],
      [m9, '25', '25', '1', '1', '—'],
    ]);
    expect(await rows(page, 'hold-table', 'seated-twist-right')).toEqual([
      [m8, '18', '18', '1', '0', '3'],
      [m9, '20', '20', '1', '1', '—'],
    ]);
    expect(await rows(page, 'hold-table', 'foam-roller')).toEqual([
      [m10, '10', '24', '3', '0', '1'],
    ]);
    // Left share: 21 / 39 = 54%, 25 / 45 = 56%.
    expect(await rows(page, 'balance-table')).toEqual([
      [m8, '21', '18', '54%'],
      [m9, '25', '20', '56%'],
    ]);
    expect((await rows(page, 'roller-table')).map((r) => r.slice(1))).toEqual([['3', '24']]);
    expect(
      await page
        .locator('[data-testid="series-summary"][data-series="seated-twist-left"]')
        .textContent(),
    ).toMatch(
      /best 25 s, total 25 s.*Best over the period 25 s against a 20 s target; 2 of 2 holds/s,
    );
    // One marker per session, on its own stretch's chart.
    expect(await page.getByTestId('session-marker').count()).toBe(2 + 2 + 1);
    await page
      .locator('sw-hold-history')
      .screenshot({ path: join(SCREENSHOTS, 'history-charts.png') });
    expect(await seriousAxeFindings(page, 'history')).toEqual([]);

    // The first twist session's timeline, by keyboard.
    const open = page.locator('[data-session="twist-1"] [data-testid="open-timeline"]');
    await open.focus();
    await page.keyboard.press('Enter');
    const timeline = page.getByTestId('session-timeline');
    await timeline.waitFor();
    expect(await page.getByTestId('timeline-hold').count()).toBe(2);
    expect(await page.getByTestId('timeline-cue').count()).toBe(2);
    // Rotation unknown from 30 to 34 s: two runs, not one line across the gap.
    expect(await page.getByTestId('timeline-run').count()).toBe(2);
    expect(await page.getByTestId('timeline-summary').textContent()).toMatch(
      /2 holds \(21 s left, 18 s right\), 2 cues; torso rotation not seen for 5 s/,
    );
    expect(await rows(page, 'timeline-table')).toEqual([
      ['1', '0:05', '21', 'left'],
      ['2', '0:50', '18', 'right'],
    ]);
    // Opening focused the timeline's heading; Tab reaches the first cue mark, Tab again the second.
    const focused = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('data-testid') ?? el?.id ?? el?.tagName;
      });
    await expect.poll(focused).toBe('timeline-title');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('timeline-cue');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('timeline-cue');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('timeline-cue-text').textContent())
      .toMatch(/At 0:40: “Move back into view”/);
    await page.getByTestId('timeline-cue').first().click();
    await expect
      .poll(() => page.getByTestId('timeline-cue-text').textContent())
      .toMatch(/At 0:03: “Ease off/);
    await timeline.screenshot({ path: join(SCREENSHOTS, 'history-timeline.png') });
    expect(await seriousAxeFindings(page, 'history')).toEqual([]);
  }, 300_000);

  it('labels a session reviewed from a video as such in the list, and a coached one not', async () => {
    browser = await openRunContext(server.url, { viewport: { width: 1100, height: 900 } });
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${server.url}/?now=${encodeURIComponent(NOW)}`);
    await page
      .locator('sw-screening')
      .or(page.getByTestId('nothing-new'))
      .first()
      .waitFor({ timeout: 120_000 });
    await openHistory(page);
    const session = (id: string, t0: number, source: 'live' | 'video') => ({
      id,
      exercise: 'seated-twist',
      startedMs: t0,
      endedMs: t0 + 20_000,
      forcingCount: 0,
      source,
      report: {
        format: 'spinewise-session-report/1',
        exercise: 'seated-twist',
        holdTargetS: 20,
        configVersion: 'test',
        appVersion: 'test',
        durationMs: 20_000,
        frames: 200,
        phases: [],
        holds: [
          { startMs: 3000, endMs: 15_000, goodMs: 12_000, side: 'left', targetReached: false },
        ],
        cues: [],
        sideSwitches: [],
        perSecond: [],
      },
    });
    const file = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(d3 + 3_600_000).toISOString(),
      screenings: [],
      'daily-checks': [],
      clearances: [],
      pain: [],
      sessions: [session('coached', d2, 'live'), session('from-video', d3, 'video')],
    };
    await importFile(page, 'video-and-live.json', file, /2 sessions/);
    const row = (id: string) => page.locator(`[data-testid="session-row"][data-session="${id}"]`);
    await row('from-video').waitFor();
    expect(await row('from-video').textContent()).toMatch(
      /^Seated twist · .+ · from a video · 1 hold \(12 s left\)/,
    );
    expect(await row('coached').textContent()).toMatch(/^Seated twist · .+ · 1 hold \(12 s left\)/);
    expect(await row('coached').textContent()).not.toContain('video');
  }, 300_000);

  it('a session coached from the camera stores what its timeline draws', async () => {
    browser = await openOfflineBrowser(server.url, {
      args: fakeCameraArgs(clip),
      viewport: { width: 1100, height: 900 },
    });
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.addInitScript(() => {
      localStorage.setItem(
        'spinewise.coach-settings',
        JSON.stringify({
          engine: 'mediapipe/lite',
          voice: { enabled: false, voiceURI: '', rate: 1 },
        }),
      );
    });
    await page.goto(`${server.url}/?now=${encodeURIComponent(NOW)}`);
    await passSafetyScreen(page);
    await page.getByTestId('choose-seated-twist').click();
    await page.getByTestId('twist-left').click();
    await page.getByTestId('start-camera').click();
    await page.getByTestId('setup-checks').waitFor({ timeout: 90_000 });
    await reachLive(page, 20_000);
    // Real MediaPipe lite on the rendered clip: wait for 3 s of good form, then 2 s more of samples.
    await expect
      .poll(
        () =>
          page.locator('sw-live-coach').evaluate((el) => {
            const trace = (el as unknown as { measures: { trace: { heldMs: number }[] } }).measures
              .trace;
            return Math.max(0, ...trace.map((t) => t.heldMs));
          }),
        { timeout: 90_000 },
      )
      .toBeGreaterThan(3000);
    await page.getByTestId('stop').click();
    await page.getByTestId('summary').waitFor({ timeout: 30_000 });
    await page.getByTestId('summary-saved').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Pain log and history' }).click();
    await page.locator('sw-pain-log').waitFor();
    const stored = await page.evaluate(
      () =>
        new Promise<{
          // Storage v2: the SessionReport, its times from the start.
          report: {
            holds: { goodMs: number; side?: string }[];
            perSecond: { tMs: number; metrics: { torsoRotationDeg?: number } }[];
            cues: unknown[];
            holdTargetS: number;
          };
        }>((resolve, reject) => {
          const open = indexedDB.open('spinewise');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('sessions').objectStore('sessions').getAll();
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result[0]);
            };
          };
        }),
    );
    const report = stored.report;
    expect(report.holdTargetS).toBe(20);
    expect(report.holds.length).toBeGreaterThan(0);
    expect(report.holds.every((h) => h.side === 'left' && h.goodMs > 0)).toBe(true);
    const samples = report.perSecond;
    const withRotation = samples.filter((m) => m.metrics.torsoRotationDeg !== undefined);
    // A 3 s hold spans at least three one-second samples; a slow machine may leave one unseen.
    expect(withRotation.length).toBeGreaterThanOrEqual(2);
    // One a second: the report's seconds start a whole second apart.
    const steps = samples.slice(1).map((m, i) => m.tMs - samples[i]!.tMs);
    expect(Math.min(...steps)).toBeGreaterThanOrEqual(999);
    expect(Array.isArray(report.cues)).toBe(true);

    await page.getByTestId('open-timeline').first().click();
    await page.getByTestId('session-timeline').waitFor();
    expect(await page.getByTestId('timeline-hold').count()).toBe(report.holds.length);
    expect(await page.getByTestId('timeline-run').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('timeline-cue').count()).toBe(report.cues.length);
    await expect
      .poll(() => page.locator('[data-testid="hold-chart"]').first().getAttribute('data-series'))
      .toBe('seated-twist-left');
    await page
      .getByTestId('session-timeline')
      .screenshot({ path: join(SCREENSHOTS, 'history-timeline-coached.png') });
  }, 400_000);
});
