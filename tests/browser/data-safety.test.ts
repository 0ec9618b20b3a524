/**
 * The person's data in Chromium, on its real IndexedDB, through the whole
 * app: a session coached from a fake camera playing a rendered clip (real
 * MediaPipe lite in the worker) is in History and in the export as soon as
 * it stops, and after a reload; a storage failure during the session and
 * until after Stop loses nothing (the session lands whole once storage
 * works again); a reload mid-session keeps the holds so far, shown as
 * unfinished; export → delete all → import brings everything back, the same
 * file twice adds nothing, and a broken file is refused with every problem
 * named and nothing changed. Nothing leaves the origin.
 *
 * Storage failures are the browser's own QuotaExceededError raised at
 * IDBObjectStore.put (as tests/browser/safety-flow.test.ts does: Chromium's
 * CDP quota override did not stop writes on an open connection); idb, the
 * storage service, the recorder and the UI above it are all real.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { download, importText, readDb } from '../support/app-data.ts';
import { seriousAxeFindings } from '../support/axe.ts';
import { launchSharedChromium } from '../support/chromium.ts';
import {
  type OfflineBrowser,
  openOfflineContext,
  openRunContext,
} from '../support/offline-browser.ts';
import { passSafetyScreen } from '../support/safety-screen.ts';
import { PROJECT_ROOT, type RunningServer, startDevServer } from '../support/vite-server.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { fakeCameraArgs, SCREENSHOTS } from './live-coach-page.ts';

/** 12 s, looping: setup, then a hold from 5 s to the end, so a hold ends at every loop. */
const CLIP = 'child-good-side-male';
const NOW = '2026-03-10T09:00:00';
const GOLDEN = join(PROJECT_ROOT, 'tests/session/golden/export-v1.json');

let server: RunningServer;
let clip: string;
/** One Chromium with the fake camera for the file; a fresh context (empty storage) per test. */
let camera: Browser;
let browser: OfflineBrowser | undefined;
const offOrigin: string[] = [];

beforeAll(async () => {
  clip = await cameraClip(CLIP); // rendered on first use (~15 s), then cached
  server = await startDevServer();
  camera = await launchSharedChromium(fakeCameraArgs(clip));
}, 180_000);
afterEach(async () => {
  if (browser) offOrigin.push(...browser.offOrigin);
  await browser?.close();
  browser = undefined;
});
afterAll(async () => {
  await camera?.close();
  await server?.close();
  expect(offOrigin).toEqual([]);
});

interface StoredSession {
  id: string;
  exercise: string;
  startedMs: number;
  endedMs?: number;
  /** Storage v2: the SessionReport, its times from the start. */
  report: { holds: { startMs: number; endMs: number }[] };
}

/**
 * A fresh context (empty storage), with the fake camera or, for tests that
 * never start it, in the run's one Chromium; `put` fails while
 * `window.swDiskFull` is set.
 */
async function openApp({ withCamera = true } = {}): Promise<Page> {
  const viewport = { width: 1200, height: 900 };
  browser = withCamera
    ? await openOfflineContext(camera, server.url, { viewport })
    : await openRunContext(server.url, { viewport });
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
    // Counts connections the page opens: the app should hold exactly one.
    const open = IDBFactory.prototype.open;
    const w = globalThis as { swDbOpens?: number };
    w.swDbOpens = 0;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
      w.swDbOpens = (w.swDbOpens ?? 0) + 1;
      return open.apply(this, args);
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      if ((globalThis as { swDiskFull?: boolean }).swDiskFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  await page.goto(appUrl());
  await gateShown(page);
  return page;
}

/** The first load compiles every module on the dev server: slow on a busy machine. */
function gateShown(page: Page): Promise<void> {
  return page
    .locator('sw-screening')
    .or(page.getByTestId('nothing-new'))
    .first()
    .waitFor({ timeout: 120_000 });
}

function appUrl(): string {
  return `${server.url}/?now=${encodeURIComponent(NOW)}`;
}

function diskFull(page: Page, full: boolean): Promise<void> {
  return page.evaluate((f) => {
    (globalThis as { swDiskFull?: boolean }).swDiskFull = f;
  }, full);
}

async function storedSessions(page: Page): Promise<StoredSession[]> {
  return ((await readDb(page)).sessions ?? []) as unknown as StoredSession[];
}

/** Coaches child's pose from the fake camera until the hold ring has counted `heldMs`. */
async function coach(page: Page, heldMs = 2500): Promise<void> {
  await page.getByTestId('choose-childs-pose').click();
  await page.getByTestId('start-camera').click();
  // The model loads before setup shows: minutes on a machine busy with other work.
  await page.getByTestId('setup-checks').waitFor({ timeout: 150_000 });
  try {
    await page.getByTestId('pause').waitFor({ timeout: 20_000 });
  } catch {
    await page.getByTestId('start-now').click();
    await page.getByTestId('pause').waitFor({ timeout: 20_000 });
  }
  await expect
    .poll(
      () =>
        page.locator('sw-live-coach').evaluate((el) => {
          const trace = (el as unknown as { measures: { trace: { heldMs: number }[] } }).measures
            .trace;
          return Math.max(0, ...trace.map((t) => t.heldMs));
        }),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(heldMs);
}

async function stop(page: Page): Promise<void> {
  await page.getByTestId('stop').click();
  await page.getByTestId('summary').waitFor({ timeout: 30_000 });
}

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pain log and history' }).click();
  await page.locator('sw-pain-log').waitFor();
}

/** The data-testid of the element with keyboard focus, through shadow roots. */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.getAttribute('data-testid') ?? null;
  });
}

/** Camera tests wait on the model and the clip in real time: a budget for a busy machine. */
const CAMERA_TEST = { timeout: 300_000 };

describe('a coached session', CAMERA_TEST, () => {
  it('is in History and in the export as soon as it stops, and after a reload', async () => {
    const page = await openApp();
    await passSafetyScreen(page);
    await coach(page);
    await stop(page);
    await page.getByTestId('summary-saved').waitFor();
    const summaryHolds = await page.getByTestId('summary-holds').count();
    // One storage service for the whole page: the session was written without a second connection.
    expect(await page.evaluate(() => (globalThis as { swDbOpens?: number }).swDbOpens)).toBe(1);

    await openHistory(page);
    const row = page.getByTestId('session-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Child’s pose.*[1-9]\d* holds? \(\d+ s/s);
    expect(await page.getByTestId('unfinished').count()).toBe(0);

    const file = await download(page, 'export');
    expect(file.name).toBe('spinewise-2026-03-10.json');
    const exported = JSON.parse(file.text);
    expect(exported.sessions).toHaveLength(1);
    const session = exported.sessions[0] as StoredSession;
    expect(session.exercise).toBe('childs-pose');
    expect(session.endedMs).toBeGreaterThan(session.startedMs);
    expect(session.report.holds.length).toBeGreaterThanOrEqual(1);
    expect(summaryHolds).toBeGreaterThanOrEqual(1);
    // The same record is on disk.
    expect(await storedSessions(page)).toEqual([session]);

    await page.reload();
    await openHistory(page);
    await row.first().waitFor();
    expect(await row.getAttribute('data-session')).toBe(session.id);
    const again = JSON.parse((await download(page, 'export')).text);
    expect(again.sessions).toEqual([session]);
    await page.screenshot({
      path: join(SCREENSHOTS, 'data-history-after-reload.png'),
      fullPage: true,
    });
  });

  it('survives storage failing from the start until after Stop: kept, exported, then saved whole', async () => {
    const page = await openApp();
    await passSafetyScreen(page);
    await diskFull(page, true);
    await coach(page);
    await stop(page);
    const note = page
      .getByTestId('storage-note')
      .or(page.locator('sw-live-coach p.note[role=status]'));
    await note.first().waitFor();
    expect(await note.first().textContent()).toMatch(
      /not saved yet.*kept on this page.*storage is full/s,
    );
    expect(await page.getByTestId('summary-saved').count()).toBe(0);
    expect(await storedSessions(page)).toEqual([]);

    await openHistory(page);
    await page.getByTestId('storage-error').waitFor();
    expect(await page.getByTestId('session-row').textContent()).toMatch(/not saved yet/);
    // Part of the export while unsaved, with its holds and its end.
    const kept = JSON.parse((await download(page, 'export')).text).sessions as StoredSession[];
    expect(kept).toHaveLength(1);
    expect(kept[0]!.report.holds.length).toBeGreaterThanOrEqual(1);
    expect(kept[0]!.endedMs).toBeDefined();
    await page.screenshot({ path: join(SCREENSHOTS, 'data-session-unsaved.png'), fullPage: true });

    // Room again: the service retries by itself (no button pressed).
    await diskFull(page, false);
    await expect
      .poll(() => storedSessions(page), { timeout: 90_000, interval: 1000 })
      .toEqual(kept);
    await page.getByTestId('storage-error').waitFor({ state: 'detached' });
    await page.reload();
    await openHistory(page);
    expect(await page.getByTestId('session-row').getAttribute('data-session')).toBe(kept[0]!.id);
    expect(await page.getByTestId('unfinished').count()).toBe(0);
  });

  it('reloaded mid-session keeps the holds so far, shown as unfinished', async () => {
    const page = await openApp();
    await passSafetyScreen(page);
    await coach(page);
    // The clip loops: its hold ends at every loop, and each ended hold is stored.
    await expect
      .poll(async () => (await storedSessions(page))[0]?.report.holds.length ?? 0, {
        timeout: 90_000,
      })
      .toBeGreaterThanOrEqual(1);
    const before = (await storedSessions(page))[0]!;
    expect(before.endedMs).toBeUndefined();
    await page.reload();
    await openHistory(page);
    const row = page.getByTestId('session-row');
    await row.first().waitFor();
    expect(await row.getAttribute('data-session')).toBe(before.id);
    expect(await row.getByTestId('unfinished').textContent()).toMatch(/unfinished/);
    const after = (await storedSessions(page))[0]!;
    expect(after.report.holds.length).toBeGreaterThanOrEqual(before.report.holds.length);
    const exported = JSON.parse((await download(page, 'export')).text).sessions as StoredSession[];
    expect(exported).toEqual([after]);
    await page.screenshot({ path: join(SCREENSHOTS, 'data-unfinished.png'), fullPage: true });
  });
});

describe('a tab that crashes mid-hold', CAMERA_TEST, () => {
  it('keeps the session and the hold in progress up to its last second', async () => {
    const page = await openApp();
    await passSafetyScreen(page);
    await coach(page, 3500);
    const heldMs = await page
      .locator('sw-live-coach')
      .evaluate(
        (el) =>
          (el as unknown as { measures: { trace: { heldMs: number }[] } }).measures.trace.at(-1)!
            .heldMs,
      );
    // A renderer crash: no pagehide, no Stop; only what was already written survives.
    const cdp = await page.context().newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    const again = await browser!.context.newPage();
    await again.goto(appUrl());
    await gateShown(again);
    await passSafetyScreen(again);
    await openHistory(again);
    await again.getByTestId('unfinished').waitFor();
    const [session] = await storedSessions(again);
    expect(session!.endedMs).toBeUndefined();
    const last = session!.report.holds.at(-1)!;
    const keptMs = last.endMs - last.startMs;
    console.log(
      `crash mid-hold: ${Math.round(heldMs)} ms held when last read, ${keptMs} ms of the hold stored`,
    );
    // Checkpoints come each second of pose time; a write in flight may be lost with the tab.
    expect(keptMs).toBeGreaterThanOrEqual(heldMs - 2000);
    await again.screenshot({ path: join(SCREENSHOTS, 'data-after-crash.png'), fullPage: true });
  });
});

describe('export, delete all, import', () => {
  it('brings everything back; the same file twice adds nothing; a broken file changes nothing', async () => {
    const page = await openApp({ withCamera: false });
    await passSafetyScreen(page);
    await openHistory(page);
    // Three sessions (one unfinished), a pain entry, a clearance, from the documented golden file.
    await importText(page, 'spinewise-golden.json', readFileSync(GOLDEN, 'utf8'));
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toMatch(
      /Imported 1 safety check, 1 daily check, 1 clinician’s go-ahead, 1 pain-log entry, 3 sessions\./,
    );
    await expect.poll(() => page.getByTestId('session-row').count()).toBe(3);
    const full = await readDb(page);
    expect(full.sessions).toHaveLength(3);
    expect(full.screenings).toHaveLength(2); // the one just answered, and the imported one

    const file = await download(page, 'export');
    const exported = JSON.parse(file.text);
    for (const s of ['screenings', 'daily-checks', 'clearances', 'pain', 'sessions'])
      expect([...exported[s]].sort((a, b) => a.id.localeCompare(b.id))).toEqual(full[s]);
    const csv = await download(page, 'export-csv');
    expect(csv.name).toBe('spinewise-holds-2026-03-10.csv');
    expect(csv.text.split('\r\n')[0]).toMatch(/^session_id,exercise,day,/);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1 + 4);

    // Delete all: a confirmation that Esc cancels, with the safe choice focused.
    await page.getByTestId('delete-all').click();
    const dialog = page.getByTestId('delete-dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('open')).not.toBeNull();
    const focused = () => focusedTestId(page);
    expect(await focused()).toBe('delete-cancel');
    await page.screenshot({ path: join(SCREENSHOTS, 'data-delete-confirm.png') });
    expect(await seriousAxeFindings(page, 'data')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await readDb(page)).toEqual(full);
    await page.getByTestId('delete-all').click();
    await page.getByTestId('delete-confirm').click();
    await page.getByTestId('delete-result').waitFor();
    for (const rows of Object.values(await readDb(page))) expect(rows).toEqual([]);
    await page.getByText('No sessions recorded yet.').waitFor();

    // Import the export: everything is back, as it was.
    await importText(page, file.name, file.text);
    await page.getByTestId('import-result').waitFor();
    expect(await readDb(page)).toEqual(full);
    await expect.poll(() => page.getByTestId('session-row').count()).toBe(3);
    // The same file again adds nothing.
    await importText(page, file.name, file.text);
    await expect
      .poll(() => page.getByTestId('import-result').textContent())
      .toMatch(/Nothing new: all \d+ records in it are already here/);
    expect(await readDb(page)).toEqual(full);

    // A broken file: every problem named, by place; nothing changed.
    const bad = JSON.parse(file.text);
    bad.pain[0].level = 11;
    bad.sessions[0].report.holds[0].endMs = -5;
    bad.sessions.push({ ...bad.sessions[1], id: 'new-session-that-must-not-land' });
    await importText(page, 'broken.json', JSON.stringify(bad));
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(
      /Nothing was imported.*“broken\.json” has 2 problems/s,
    );
    expect(await problems.locator('li').evaluateAll((li) => li.map((l) => l.dataset.path))).toEqual(
      ['pain[0].level', 'sessions[0].report.holds[0].endMs'],
    );
    expect(await problems.locator('li').first().textContent()).toMatch(
      /pain\[0\]\.level\s+is above 10/,
    );
    expect(await focused()).toBe('import-problems');
    await page.screenshot({ path: join(SCREENSHOTS, 'data-import-broken.png'), fullPage: true });
    expect(await seriousAxeFindings(page, 'data')).toEqual([]);
    expect(await readDb(page)).toEqual(full);
    // Not JSON at all.
    await importText(page, 'notes.json', 'these are my notes');
    await expect
      .poll(() => problems.textContent())
      .toMatch(/“notes\.json” has a problem.*not readable JSON/s);
    expect(await readDb(page)).toEqual(full);
  });

  it('is reachable by keyboard: Tab to the import button, Enter opens the file chooser', async () => {
    const page = await openApp({ withCamera: false });
    await passSafetyScreen(page);
    await openHistory(page);
    // Listening first: Playwright turns on file-chooser interception by a
    // round trip of its own, which a busy machine let the Enter overtake.
    const chooserShown = page.waitForEvent('filechooser');
    await page.getByTestId('clinician-report').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toBe('import');
    await page.keyboard.press('Enter');
    expect((await chooserShown).isMultiple()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('delete-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('delete-dialog').waitFor({ state: 'hidden' });
  });
});
