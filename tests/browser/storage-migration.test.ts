/**
 * Storage v1 → v2 on Chromium's real IndexedDB: a version-1 database is
 * created in the page (on the app's origin, before the app ever runs: the
 * version-1 stores and indexes, then the rows the version-1 code wrote,
 * tests/storage/fixtures/v1-database.json), then the app is opened. The
 * database is upgraded to version 2, every valid session carries its
 * report, the damaged one is left as it was, and History lists the
 * migrated sessions with their holds and the pain before and after; the
 * twist's timeline draws its hold. Nothing leaves the origin.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage } from '../support/app-page.ts';
import type { OfflineBrowser } from '../support/offline-browser.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';

type Row = Record<string, unknown> & { id: string };
const FIXTURE = JSON.parse(
  readFileSync(new URL('../storage/fixtures/v1-database.json', import.meta.url), 'utf8'),
) as Record<string, Row[]>;
const NOW = '2026-12-01T12:00:00';

let server: RunningServer;
let browser: OfflineBrowser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  server = await startDevServer();
  ({
    browser,
    page,
    errors: pageErrors,
  } = await openAppPage(server.url, { viewport: { width: 1200, height: 900 } }));
  // A file of the app's origin that runs no app code: the database is made here first.
  await page.goto(`${server.url}/favicon.svg`);
  await page.evaluate(async (fixture) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('spinewise', 1);
      // Version 1's upgrade step, as it stands in local-store.ts.
      r.onupgradeneeded = () => {
        const d = r.result;
        d.createObjectStore('screenings', { keyPath: 'id' }).createIndex('atMs', 'atMs');
        d.createObjectStore('daily-checks', { keyPath: 'id' }).createIndex('atMs', 'atMs');
        d.createObjectStore('clearances', { keyPath: 'id' }).createIndex(
          'recordedMs',
          'recordedMs',
        );
        const pain = d.createObjectStore('pain', { keyPath: 'id' });
        pain.createIndex('atMs', 'atMs');
        pain.createIndex('day', 'day');
        d.createObjectStore('sessions', { keyPath: 'id' }).createIndex('startedMs', 'startedMs');
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const stores = ['screenings', 'daily-checks', 'clearances', 'pain', 'sessions'];
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) for (const row of fixture[s] ?? []) tx.objectStore(s).put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, FIXTURE);
  await page.goto(`${server.url}/?now=${encodeURIComponent(NOW)}`);
  // The first load compiles every module on the dev server: slow on a busy machine.
  await page.locator('sw-app').waitFor({ timeout: 120_000 });
}, 240_000);

afterAll(async () => {
  const offOrigin = browser?.offOrigin ?? [];
  await browser?.close();
  await server?.close();
  expect(offOrigin).toEqual([]);
});

/** The app's database as it is now: its version and every session row. */
function database(p: Page): Promise<{ version: number; sessions: Row[] }> {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('spinewise');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const sessions = await new Promise<Row[]>((resolve, reject) => {
      const r = db.transaction('sessions').objectStore('sessions').getAll();
      r.onsuccess = () => resolve(r.result as Row[]);
      r.onerror = () => reject(r.error);
    });
    const version = db.version;
    db.close();
    return { version, sessions };
  });
}

const twistId = FIXTURE.sessions!.find(
  (s) => s.id.startsWith('session-1') && s.exercise === 'seated-twist',
)!.id;

describe('a version-1 database opened by this build', () => {
  it('is upgraded: every valid session now holds its report, the damaged one is as it was', async () => {
    await expect.poll(async () => (await database(page)).version, { timeout: 60_000 }).toBe(2);
    const { sessions } = await database(page);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    expect([...byId.keys()].sort()).toEqual(FIXTURE.sessions!.map((s) => s.id).sort());
    for (const old of FIXTURE.sessions!) {
      const now = byId.get(old.id)!;
      if (!Array.isArray(old.holds)) {
        expect(now).toEqual(old);
        continue;
      }
      expect(now).not.toHaveProperty('holds');
      const report = now.report as { exercise: string; holds: { goodMs: number }[] };
      expect(report.exercise).toBe(old.exercise);
      expect(report.holds).toHaveLength((old.holds as unknown[]).length);
      expect(now.migratedFrom).toBe(1);
    }
    const twist = byId.get(twistId)!;
    expect(twist.comment).toBe('kept as it is');
    expect((twist.report as { pain: unknown }).pain).toEqual({
      before: { id: 'pain-before', level: 4, atMs: expect.any(Number) },
      after: { id: 'pain-after', level: 2, atMs: expect.any(Number) },
    });
  });

  it('History lists the migrated sessions with their holds and pain, and the unfinished one as such', async () => {
    await page.getByRole('button', { name: 'Pain log and history' }).click();
    const log = page.locator('sw-pain-log');
    await log.getByRole('heading', { name: 'Pain log and history' }).waitFor({ timeout: 60_000 });
    const rows = log.getByTestId('session-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(5);
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-session')));
    expect([...ids].sort()).toEqual(
      FIXTURE.sessions!.filter((s) => Array.isArray(s.holds))
        .map((s) => s.id)
        .sort(),
    );
    const twistRow = log.locator(`[data-session="${twistId}"]`);
    const text = (await twistRow.textContent()) ?? '';
    // One hold of about 2 s on the left, forcing once, pain 4 before and 2 after.
    expect(text).toMatch(/1 hold \(2 s left\)/);
    expect(text).toMatch(/forcing noticed 1×/);
    expect(text).toMatch(/pain 4 → 2/);
    // The v1 golden twist: its two holds, 23 s (22.5) and 20 s.
    expect(await log.locator('[data-session="session-a"]').textContent()).toMatch(
      /2 holds \(23 s left, 20 s right\)/,
    );
    // The roller cut off mid-session in v1: unfinished.
    const roller = FIXTURE.sessions!.find((s) => s.exercise === 'foam-roller' && !s.stoppedFor)!;
    await log.locator(`[data-session="${roller.id}"]`).getByTestId('unfinished').waitFor();
    // The twist's timeline: its hold as a bar, its two cues as marks.
    await twistRow.getByTestId('open-timeline').click();
    await expect.poll(() => log.getByTestId('timeline-hold').count(), { timeout: 30_000 }).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
