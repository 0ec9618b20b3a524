/**
 * The safety gate in Chromium, on the dev server with real IndexedDB: a
 * first-time user meets the screening before any camera; `urgent` blocks
 * every exercise; `see-professional` needs a recorded, dated clearance;
 * `not-today` lifts the next day; a rising pain log advises a professional
 * and its chart spans the days; overuse notes show before the next session.
 * Days pass through the dev-only `?now=` clock. Nothing leaves the origin.
 * The run's one Chromium, a fresh context (empty IndexedDB) per test;
 * rule combinations are checked in Node (tests/safety/), not here.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_VERSION } from '../../src/session/storage-schema.ts';
import {
  downloadedText,
  type OfflineBrowser,
  openOfflineContext,
  runBrowser,
} from '../support/offline-browser.ts';
import { answerScreening, passSafetyScreen } from '../support/safety-screen.ts';
import { PROJECT_ROOT, type RunningServer, startDevServer } from '../support/vite-server.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');
mkdirSync(SCREENSHOTS, { recursive: true });

let server: RunningServer;
let chromium: Browser;
/** This test's context: its own storage, closed after the test. */
let browser: OfflineBrowser | undefined;
const offOrigin: string[] = [];
const VIEWPORT = { width: 1100, height: 900 };

beforeAll(async () => {
  server = await startDevServer();
  chromium = await runBrowser(); // the run's one Chromium: no launch here
});
afterEach(async () => {
  if (browser) offOrigin.push(...browser.offOrigin);
  await browser?.close();
  browser = undefined;
});
afterAll(async () => {
  await server?.close();
});

/** A fresh profile (empty IndexedDB), the app opened at local time `now`. */
async function freshApp(now = '2026-03-10T09:00:00'): Promise<Page> {
  browser = await openOfflineContext(chromium, server.url, { viewport: VIEWPORT });
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(at(now));
  return page;
}

function at(now: string): string {
  return `${server.url}/?now=${encodeURIComponent(now)}`;
}

/** True when any way into the camera is on the page. */
async function cameraReachable(page: Page): Promise<boolean> {
  return (
    (await page.locator('sw-live-coach').count()) > 0 ||
    (await page.getByTestId('start-camera').count()) > 0
  );
}

/** The data-testid of the element with focus, looking through shadow roots. */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.getAttribute('data-testid') ?? null;
  });
}

async function decision(page: Page): Promise<string | null> {
  return page.getByTestId('decision').getAttribute('data-decision');
}

async function logPain(page: Page, level: number, where: string[], when = 'No session today') {
  const form = page.locator('sw-pain-entry');
  await form.getByRole('radio', { name: new RegExp(`^${level}\\b`) }).check();
  for (const w of where) await form.getByRole('checkbox', { name: w }).check();
  await form.getByLabel('When').selectOption({ label: when });
  await form.getByRole('button', { name: 'Save to my pain log' }).click();
}

/** Reads what is stored, straight from IndexedDB (not through the app), oldest first. */
async function stored(page: Page, store: string): Promise<Record<string, unknown>[]> {
  const time = (r: Record<string, unknown>) => Number(r.atMs ?? r.recordedMs ?? r.startedMs);
  const rows = await page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('spinewise');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
  return rows.sort((a, b) => time(a) - time(b));
}

describe('first visit', () => {
  it('shows the screening, with the disclaimer, and no way to the camera', async () => {
    const page = await freshApp();
    await page.locator('sw-screening').waitFor();
    expect(await cameraReachable(page)).toBe(false);
    expect(await page.getByTestId('disclaimer').textContent()).toMatch(/not a medical service/);
    // Submitting blank names every group still to answer.
    await page.getByRole('button', { name: 'See my result' }).click();
    const errors = page.getByTestId('screening-errors');
    await errors.waitFor();
    expect(await errors.locator('li').count()).toBe(5);
    // Focus moves to the error summary, so keyboard and screen-reader users hear it.
    expect(await focusedTestId(page)).toBe('screening-errors');
    await page.screenshot({
      path: join(SCREENSHOTS, 'safety-screening-errors.png'),
      fullPage: true,
    });
    expect(await cameraReachable(page)).toBe(false);
  });

  it('all clear: "Continue" opens the exercises and the answers are stored', async () => {
    const page = await freshApp();
    await answerScreening(page);
    expect(await decision(page)).toBe('ok');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('start-camera').waitFor();
    const screenings = await stored(page, 'screenings');
    expect(screenings).toHaveLength(1);
    expect(screenings[0]).toMatchObject({ day: '2026-03-10', decision: 'ok', fired: [] });
    // The next visit asks only the one-tap question.
    await page.goto(at('2026-03-10T18:00:00'));
    await page.getByTestId('daily-check').waitFor();
    expect(await cameraReachable(page)).toBe(false);
    await page.getByTestId('nothing-new').click();
    await page.getByTestId('start-camera').waitFor();
    expect(await stored(page, 'daily-checks')).toMatchObject([{ anythingNew: false }]);
  });

  it('each session starts with the daily check: "Start another" after a summary asks again', async () => {
    const page = await freshApp();
    await passSafetyScreen(page);
    await page.getByTestId('start-camera').waitFor();
    // What the coach sends on its summary's "Start another" (live-coach.test.ts checks it does).
    await page
      .locator('sw-live-coach')
      .evaluate((el) =>
        el.dispatchEvent(new CustomEvent('sw-session-again', { bubbles: true, composed: true })),
      );
    await page.getByTestId('daily-check').waitFor();
    expect(await cameraReachable(page)).toBe(false);
    await page.getByTestId('nothing-new').click();
    await page.getByTestId('start-camera').waitFor();
  });

  it('"something is new" in the daily check leads back to the questions', async () => {
    const page = await freshApp();
    await passSafetyScreen(page);
    await page.goto(at('2026-03-11T09:00:00'));
    await page.getByTestId('something-new').click();
    await page.locator('sw-screening').waitFor();
    expect(await page.locator('sw-screening p').first().textContent()).toMatch(
      /You said something is new/,
    );
    await answerScreening(page, ['tingling']);
    expect(await decision(page)).toBe('see-professional');
    expect(await cameraReachable(page)).toBe(false);
  });
});

describe('urgent', () => {
  // One urgent answer walks the screens; that each of them outranks the rest is in Node.
  it.each(['fever'])(
    '"%s" blocks every exercise, also after a reload and from the daily route',
    async (item) => {
      const page = await freshApp();
      await answerScreening(page, [item, 'disc-problems']);
      const box = page.getByTestId('decision');
      expect(await decision(page)).toBe('urgent');
      expect(await box.getAttribute('role')).toBe('alert');
      expect(await box.getByRole('heading', { level: 2 }).textContent()).toBe(
        'Please get medical help now',
      );
      expect(await box.getByRole('button', { name: /continue|start/i }).count()).toBe(0);
      expect(await page.locator('sw-clearance-form').count()).toBe(0);
      expect(await cameraReachable(page)).toBe(false);
      if (item === 'fever')
        await page.screenshot({ path: join(SCREENSHOTS, 'safety-urgent.png'), fullPage: true });
      // Leaving and coming back, or reloading the next day, does not open anything.
      await page.getByRole('button', { name: 'Pain log and history' }).click();
      await page.getByRole('button', { name: 'Stretch' }).click();
      expect(await decision(page)).toBe('urgent');
      await page.goto(at('2026-03-11T09:00:00'));
      expect(await decision(page)).toBe('urgent');
      expect(await cameraReachable(page)).toBe(false);
    },
  );
});

describe('see a professional', () => {
  it('needs a recorded, dated clearance; a disc problem keeps the roller closed', async () => {
    const page = await freshApp();
    await answerScreening(page, ['disc-problems']);
    expect(await decision(page)).toBe('see-professional');
    expect(await cameraReachable(page)).toBe(false);
    const form = page.locator('sw-clearance-form');
    expect(await form.getByTestId('clearance-opens').textContent()).toBe(
      'Seated twist, Child’s pose, palms together',
    );
    await page.screenshot({
      path: join(SCREENSHOTS, 'safety-see-professional.png'),
      fullPage: true,
    });

    // Not confirmed, no date: refused with reasons, nothing stored.
    await form.getByRole('button', { name: /Record the clinician/ }).click();
    const errors = form.locator('.errors');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/Enter the date of your visit.*Tick the box/s);
    // A visit in the future is refused too.
    await form.getByLabel('Date of the visit').fill('2026-03-12');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: /Record the clinician/ }).click();
    await expect.poll(() => errors.textContent()).toMatch(/in the future/);
    expect(await stored(page, 'clearances')).toEqual([]);
    expect(await cameraReachable(page)).toBe(false);

    await form.getByLabel('Date of the visit').fill('2026-03-09');
    await form.getByLabel('Who saw you').selectOption('physical-therapist');
    await form.getByLabel(/Their name/).fill('Dr Example');
    await form.getByRole('button', { name: /Record the clinician/ }).click();
    await expect.poll(() => decision(page)).toBe('ok');
    expect(await page.getByTestId('cleared-note').textContent()).toMatch(/disc problem/);
    expect(await page.getByTestId('decision').textContent()).toMatch(
      /Open today: Seated twist, Child’s pose/,
    );
    const clearances = await stored(page, 'clearances');
    expect(clearances).toMatchObject([
      {
        visitDay: '2026-03-09',
        clinician: 'physical-therapist',
        clinicianName: 'Dr Example',
        covers: ['disc-problems'],
      },
    ]);
    expect(typeof clearances[0]!.recordedMs).toBe('number');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('start-camera').waitFor();
    // The coach is told what is open: no roller.
    expect(
      await page.evaluate(
        () => document.querySelector('sw-app')!.shadowRoot!.querySelector('sw-live-coach')!.allowed,
      ),
    ).toEqual(['seated-twist', 'childs-pose']);
  });

  it('a clearance is never implied: a new nerve sign needs its own', async () => {
    const page = await freshApp();
    await answerScreening(page, ['numbness']);
    const form = page.locator('sw-clearance-form');
    await form.getByLabel('Date of the visit').fill('2026-03-10');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: /Record the clinician/ }).click();
    await expect.poll(() => decision(page)).toBe('ok');
    await page.goto(at('2026-03-11T09:00:00'));
    await page.getByTestId('something-new').click();
    await answerScreening(page, ['numbness', 'weakness']);
    expect(await decision(page)).toBe('see-professional');
    expect(
      await page
        .getByTestId('decision')
        .locator('li[data-rule]')
        .evaluateAll((l) => l.map((e) => e.getAttribute('data-rule'))),
    ).toEqual(['weakness']);
    expect(await cameraReachable(page)).toBe(false);
  });
});

describe('not today', () => {
  it('sharp pain closes today and the daily check opens tomorrow', async () => {
    const page = await freshApp('2026-03-10T09:00:00');
    await answerScreening(page, ['sharp-pain-now']);
    expect(await decision(page)).toBe('not-today');
    expect(await page.getByTestId('reopens').textContent()).toMatch(
      /Wednesday.*11.*March|March 11/,
    );
    expect(await cameraReachable(page)).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'safety-not-today.png'), fullPage: true });
    // Later the same day: still closed.
    await page.goto(at('2026-03-10T21:00:00'));
    expect(await decision(page)).toBe('not-today');
    // Tomorrow: one tap, and the exercises open.
    await page.goto(at('2026-03-11T08:00:00'));
    await page.getByTestId('daily-check').waitFor();
    await page.getByTestId('nothing-new').click();
    await page.getByTestId('start-camera').waitFor();
  });
});

describe('pain log', () => {
  it('a rising log over four days advises a professional; the chart spans the days', async () => {
    const page = await freshApp('2026-03-07T09:00:00');
    await passSafetyScreen(page);
    const levels = [2, 3, 5, 6];
    for (const [i, level] of levels.entries()) {
      await page.goto(at(`2026-03-${String(7 + i).padStart(2, '0')}T20:00:00`));
      await page.getByRole('button', { name: 'Pain log and history' }).click();
      await logPain(
        page,
        level,
        ['Between the shoulder blades'],
        i === 1 ? 'After a session' : 'No session today',
      );
      await expect.poll(async () => (await stored(page, 'pain')).length).toBe(i + 1);
      if (i < 2) expect(await page.getByTestId('persistence-advice').count()).toBe(0);
    }
    const chart = page.getByTestId('pain-chart');
    expect(await chart.getAttribute('data-points')).toBe('4');
    expect(await chart.getAttribute('aria-label')).toMatch(/4 days logged, from 2 on .* to 6 on /);
    expect(await chart.locator('circle').count()).toBe(4);
    const advice = page.getByTestId('persistence-advice');
    expect(await advice.locator('li').getAttribute('data-rule')).toBe('log-pain-rising');
    expect(await advice.textContent()).toMatch(/physical therapist, chiropractor or doctor/);
    await page.screenshot({
      path: join(SCREENSHOTS, 'safety-pain-log-rising.png'),
      fullPage: true,
    });

    // The gate agrees: no session until a professional has been seen.
    await page.getByRole('button', { name: 'Stretch' }).click();
    expect(await decision(page)).toBe('see-professional');
    expect(
      await page.getByTestId('decision').locator('li[data-rule]').getAttribute('data-rule'),
    ).toBe('log-pain-rising');
    expect(await cameraReachable(page)).toBe(false);
    const stored4 = await stored(page, 'pain');
    expect(stored4.map((p) => [p.day, p.level, p.context])).toEqual([
      ['2026-03-07', 2, 'no-session'],
      ['2026-03-08', 3, 'after-session'],
      ['2026-03-09', 5, 'no-session'],
      ['2026-03-10', 6, 'no-session'],
    ]);
  });

  it('asks for a level and a place, by keyboard too, and logs the arms as a nerve sign', async () => {
    const page = await freshApp();
    await page.getByRole('button', { name: 'Pain log and history' }).click();
    const form = page.locator('sw-pain-entry');
    await form.getByRole('button', { name: 'Save to my pain log' }).click();
    await expect.poll(() => form.locator('.errors').textContent()).toMatch(/Choose a pain level/);
    // Keyboard: focus the scale, arrow along it.
    await form.getByRole('radio', { name: /^0/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await form.getByRole('radio', { name: /^3$/ }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Save to my pain log' }).click();
    await expect
      .poll(() => form.locator('.errors').textContent())
      .toMatch(/Tick at least one place/);
    expect(await stored(page, 'pain')).toEqual([]);
    await form.getByRole('checkbox', { name: 'Arms or hands' }).check();
    await form.getByRole('button', { name: 'Save to my pain log' }).click();
    await expect.poll(async () => (await stored(page, 'pain')).length).toBe(1);
    expect(
      await page.getByTestId('persistence-advice').locator('li').getAttribute('data-rule'),
    ).toBe('log-pain-into-arms');
  });
});

describe('sharp pain during a session', () => {
  it('the advice takes focus, routes to a professional, and "Log my pain now" (keyboard) opens the pain log', async () => {
    const page = await freshApp();
    await passSafetyScreen(page);
    await page.getByTestId('start-camera').waitFor();
    // What the live coach renders after "Sharp pain", placed where it sits in the shell.
    await page.evaluate(() => {
      const advice = document.createElement('sw-safety-advice');
      advice.reason = 'sharp-pain';
      document.querySelector('sw-app')!.shadowRoot!.querySelector('main')!.prepend(advice);
    });
    const advice = page.locator('sw-safety-advice');
    expect(await advice.getByRole('heading', { level: 2 }).textContent()).toBe(
      'Session stopped: sharp pain',
    );
    expect(
      await page.evaluate(() => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a?.tagName;
      }),
    ).toBe('H2');
    const text = await advice.textContent();
    expect(await advice.getByRole('alert').textContent()).toMatch(
      /Do not stretch through sharp pain/,
    );
    expect(await advice.locator('li').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/medical help straight away/),
        expect.stringMatching(/physiotherapist or a chiropractor/),
      ]),
    );
    expect(text).not.toMatch(/diagnos/i);
    await page.screenshot({
      path: join(SCREENSHOTS, 'safety-sharp-pain-advice.png'),
      fullPage: true,
    });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('sw-pain-log').waitFor();
    expect(await page.locator('sw-live-coach').count()).toBe(0);
  });

  it('after a sharp-pain stop, "I have read this" leads back to the gate, which closes the day', async () => {
    const page = await freshApp('2026-03-10T09:00:00');
    await passSafetyScreen(page);
    await page.getByTestId('start-camera').waitFor();
    // The session as the coach records it, then the advice it shows.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('spinewise');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction('sessions', 'readwrite');
      const start = new Date(2026, 2, 10, 9, 1).getTime();
      tx.objectStore('sessions').put({
        id: 'pain-stop',
        exercise: 'foam-roller',
        startedMs: start,
        endedMs: start + 40_000,
        holds: [],
        forcingCount: 0,
        stoppedFor: 'sharp-pain',
      });
      await new Promise((r) => {
        tx.oncomplete = r;
      });
      db.close();
      const advice = document.createElement('sw-safety-advice');
      advice.reason = 'sharp-pain';
      document.querySelector('sw-app')!.shadowRoot!.querySelector('main')!.prepend(advice);
    });
    await page
      .locator('sw-safety-advice')
      .getByRole('button', { name: 'I have read this' })
      .click();
    await expect.poll(() => decision(page)).toBe('not-today');
    expect(
      await page.getByTestId('decision').locator('li[data-rule]').getAttribute('data-rule'),
    ).toBe('stopped-for-sharp-pain');
    expect(await cameraReachable(page)).toBe(false);
    await page.goto(at('2026-03-11T09:00:00'));
    await page.getByTestId('nothing-new').click();
    await page.getByTestId('start-camera').waitFor();
  });
});

describe('overuse guard', () => {
  it('three sessions today, with forcing, earn the notes before the next one', async () => {
    const page = await freshApp('2026-03-10T18:00:00');
    await passSafetyScreen(page);
    // Sessions as the live coach records them.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('spinewise');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction('sessions', 'readwrite');
      const start = new Date(2026, 2, 10, 8).getTime();
      for (let i = 0; i < 3; i++) {
        tx.objectStore('sessions').put({
          id: `s${i}`,
          exercise: 'seated-twist',
          startedMs: start + i * 3_600_000,
          endedMs: start + i * 3_600_000 + 300_000,
          holds: [{ startMs: start + 60_000, endMs: start + 80_000, side: 'left' }],
          forcingCount: 1,
        });
      }
      await new Promise((r) => {
        tx.oncomplete = r;
      });
      db.close();
    });
    // Back to Stretch without a reload: the gate re-reads what the coach wrote.
    await page.getByRole('button', { name: 'Pain log and history' }).click();
    await page.getByRole('button', { name: 'Stretch' }).click();
    await page.getByTestId('daily-check').waitFor();
    await page.getByTestId('overuse-many-sessions').waitFor();
    expect(await page.getByTestId('overuse-many-sessions').textContent()).toMatch(
      /3 sessions today.*ligaments/s,
    );
    expect(await page.getByTestId('overuse-repeated-forcing').textContent()).toMatch(
      /3 times.*ligaments/s,
    );
    await page.getByText('What is that popping sound?').click();
    expect(await page.locator('sw-daily-check details').textContent()).toMatch(
      /gas .* not a sign/s,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'safety-overuse.png'), fullPage: true });
    // A note, not a block.
    await page.getByTestId('nothing-new').click();
    await page.getByTestId('start-camera').waitFor();
    // The history lists them.
    await page.getByRole('button', { name: 'Pain log and history' }).click();
    await page
      .locator('sw-pain-log')
      .getByText(/Seated twist.*forcing noticed 1×/)
      .first()
      .waitFor();
    expect(
      await page
        .locator('sw-pain-log')
        .getByText(/forcing noticed 1×/)
        .count(),
    ).toBe(3);
  });
});

describe('storage', () => {
  it('exports everything as a JSON download', async () => {
    const page = await freshApp();
    await passSafetyScreen(page);
    await page.getByRole('button', { name: 'Pain log and history' }).click();
    await logPain(page, 4, ['Neck', 'Upper back']);
    await expect.poll(async () => (await stored(page, 'pain')).length).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('spinewise-2026-03-10.json');
    const file = JSON.parse(await downloadedText(download));
    expect(file).toMatchObject({ format: 'spinewise-export', version: 2 });
    expect(file.pain).toMatchObject([
      { level: 4, locations: ['upper-back', 'neck'], day: '2026-03-10' },
    ]);
    expect(file.screenings).toHaveLength(1);
    expect(file['daily-checks']).toEqual([]);
  });

  it('when the storage is full: says so, keeps the entry on the page, saves it on "Try again"', async () => {
    // Chromium's CDP quota override (Storage.overrideQuotaForOrigin) did not stop writes
    // on the app's open connection here, so the browser's own QuotaExceededError is raised
    // at IDBObjectStore.put instead; everything above it (idb, the service, the UI) is real.
    browser = await openOfflineContext(chromium, server.url, { viewport: VIEWPORT });
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
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
    await page.goto(at('2026-03-10T09:00:00'));
    await passSafetyScreen(page);
    await page.getByRole('button', { name: 'Pain log and history' }).click();
    await page.evaluate(() => {
      (globalThis as { swDiskFull?: boolean }).swDiskFull = true;
    });
    await logPain(page, 5, ['Neck']);
    const banner = page.getByTestId('storage-error');
    await banner.waitFor();
    expect(await banner.getAttribute('data-kind')).toBe('full');
    expect(await banner.textContent()).toMatch(/storage is full.*1 entry is not saved yet/s);
    expect(await page.getByTestId('pain-rows').textContent()).toMatch(
      /5\/10 · Neck.*not saved yet/s,
    );
    expect(await stored(page, 'pain')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'safety-storage-full.png'), fullPage: true });
    // A second entry while full is kept too, in order.
    await logPain(page, 6, ['Upper back']);
    await expect.poll(() => banner.textContent()).toMatch(/2 entries are not saved yet/);
    await page.evaluate(() => {
      (globalThis as { swDiskFull?: boolean }).swDiskFull = false;
    });
    await banner.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect((await stored(page, 'pain')).map((p) => p.level)).toEqual([5, 6]);
    expect(await page.getByTestId('pain-rows').textContent()).not.toMatch(/not saved yet/);
  });

  it('when another tab upgrades the database: steps aside and says to reload', async () => {
    const page = await freshApp();
    await page.locator('sw-screening').waitFor();
    // A newer Spinewise in another tab opens the next version: this tab must let go, not block it.
    const upgraded = await page.evaluate(
      (next) =>
        new Promise<string>((resolve) => {
          const r = indexedDB.open('spinewise', next);
          r.onblocked = () => resolve('blocked');
          r.onsuccess = () => {
            r.result.close();
            resolve('upgraded');
          };
          r.onerror = () => resolve(String(r.error));
        }),
      STORAGE_VERSION + 1,
    );
    expect(upgraded).toBe('upgraded');
    const banner = page.getByTestId('storage-error');
    await banner.waitFor();
    expect(await banner.getAttribute('data-kind')).toBe('closed');
    expect(await banner.textContent()).toMatch(/updated in another tab.*reload the page/s);
    // Answers given now are kept in memory, and the decision still follows them.
    await answerScreening(page, ['sharp-pain-now']);
    expect(await decision(page)).toBe('not-today');
    expect(await banner.textContent()).toMatch(/1 entry is not saved yet/);
  });

  it('when an older tab blocks an upgrade: says to close it, and opens once it is closed', async () => {
    const page = await freshApp();
    await page.locator('sw-screening').waitFor();
    // The dev server serves the modules: a storage service on a scratch database at a
    // version above the one an "older tab" (a raw connection that ignores versionchange) holds.
    // A string, so that vitest does not rewrite the import() for Node.
    await page.evaluate(
      'import("/src/controllers/storage-service.ts").then((m) => { window.swStorageModule = m; })',
    );
    const result = await page.evaluate(async () => {
      const { StorageService } = (
        window as unknown as {
          swStorageModule: typeof import('../../src/controllers/storage-service.ts');
        }
      ).swStorageModule;
      // Version 1 with its stores, as an older Spinewise made it…
      const v1 = new StorageService({ name: 'spinewise-blocked-test', version: 1 });
      await v1.whenReady();
      v1.close();
      // …still open in that older tab, which does not step aside.
      const older = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('spinewise-blocked-test', 1);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const service = new StorageService({ name: 'spinewise-blocked-test', version: 2 });
      await new Promise((r) => setTimeout(r, 500));
      const whileBlocked = {
        status: service.status,
        kind: service.error?.kind,
        message: service.error?.message,
      };
      older.close();
      await service.whenReady();
      const after = { status: service.status, kind: service.error?.kind };
      service.close();
      return { whileBlocked, after };
    });
    expect(result.whileBlocked).toEqual({
      status: 'opening',
      kind: 'blocked',
      message: expect.stringMatching(/open in another tab.*Close the other Spinewise tabs/),
    });
    expect(result.after).toEqual({ status: 'ready', kind: undefined });
  });

  it('without IndexedDB: says so and still screens, in memory', async () => {
    browser = await openOfflineContext(chromium, server.url);
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    await page.goto(at('2026-03-10T09:00:00'));
    const banner = page.getByTestId('storage-error');
    await banner.waitFor();
    expect(await banner.getAttribute('data-kind')).toBe('unavailable');
    expect(await banner.textContent()).toMatch(
      /nothing will be remembered after you close the tab/,
    );
    await answerScreening(page, ['fever']);
    expect(await decision(page)).toBe('urgent');
    expect(await banner.textContent()).toMatch(/1 entry is not saved yet/);
  });
});

describe('privacy', () => {
  it('never sent a request outside the origin', () => {
    expect(offOrigin).toEqual([]);
  });
});
