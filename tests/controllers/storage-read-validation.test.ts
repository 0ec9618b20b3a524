/**
 * Records read back from IndexedDB (fake-indexeddb here; Chromium's real one in
 * tests/browser/damaged-records.test.ts) are checked against the export
 * schema: a damaged one is skipped, reported in words, and left in the
 * database untouched; everything else is shown, oldest first.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageService } from '../../src/controllers/storage-service.ts';
import { buildExport } from '../../src/session/export-data.ts';
import { parseExportText } from '../../src/session/import-data.ts';
import { LocalStore } from '../../src/session/local-store.ts';
import { migrateSessionV1, type SessionRecordV1 } from '../../src/session/session-v1.ts';
import { STORE_NAMES, type StoreName, TIME_INDEX } from '../../src/session/storage-schema.ts';
import {
  checkStoredData,
  type RawData,
  skippedRecordsMessage,
} from '../../src/session/stored-record-check.ts';
import { sampleData } from '../session/sample-data.ts';

let dbCount = 0;
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** A database holding the sample records plus `extra` rows written as they are (no checks). */
async function seeded(extra: Partial<Record<StoreName, unknown[]>>): Promise<string> {
  const name = `read-check-${++dbCount}`;
  const store = await LocalStore.open({ name });
  await store.putMany(sampleData());
  for (const s of STORE_NAMES) for (const r of extra[s] ?? []) await store.put(s, r as never);
  store.close();
  return name;
}

async function openService(name: string): Promise<StorageService> {
  const s = new StorageService({ name, retryDelaysMs: [] });
  opened.push(s);
  await s.whenReady();
  return s;
}

/** The raw rows of one store, straight from IndexedDB. */
function rawRows(name: string, store: StoreName): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction(store).objectStore(store).getAll();
      get.onsuccess = () => {
        db.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

const noHolds = {
  id: 'session-noholds',
  exercise: 'seated-twist',
  startedMs: Date.UTC(2026, 2, 9),
  forcingCount: 0,
};
const noLocations = {
  id: 'pain-nolocations',
  atMs: Date.UTC(2026, 2, 9),
  day: '2026-03-09',
  level: 4,
  context: 'other',
};

describe('reading stored records', () => {
  it('skips a session without holds and a pain entry without locations, keeps the rest, and says so', async () => {
    const name = await seeded({ sessions: [noHolds], pain: [noLocations] });
    const s = await openService(name);
    expect(s.status).toBe('ready');
    expect(s.data.sessions.map((r) => r.id)).toEqual([
      'session-a',
      'session-b',
      'session-c',
      'session-d',
    ]);
    expect(s.data.pain.map((r) => r.id)).toEqual(['pain-1', 'pain-2']);
    expect(s.data.screenings).toHaveLength(1);
    expect(s.skipped).toEqual([
      { store: 'pain', id: 'pain-nolocations', problem: 'locations is missing' },
      { store: 'sessions', id: 'session-noholds', problem: 'holds is missing' },
    ]);
    const message = skippedRecordsMessage(s.skipped);
    expect(message).toMatch(/^1 pain entry and 1 session saved in this browser are damaged/);
    expect(message).toMatch(/still kept in the browser/);
    // Left in the database exactly as it was.
    expect(await rawRows(name, 'sessions')).toContainEqual(noHolds);
    expect(await rawRows(name, 'pain')).toContainEqual(noLocations);
  });

  it('sees a record whose time field is missing (not in the time index) and reports it', async () => {
    const { atMs: _, ...noTime } = sampleData().screenings[0]!;
    const name = await seeded({ screenings: [{ ...noTime, id: 'screening-notime' }] });
    const s = await openService(name);
    expect(s.skipped).toEqual([
      { store: 'screenings', id: 'screening-notime', problem: 'atMs is missing' },
    ]);
    expect(s.data.screenings.map((r) => r.id)).toEqual(['screening-1']);
  });

  it('keeps a good record as stored, unknown fields and all, and still in time order', async () => {
    const later = {
      ...sampleData().sessions[0]!,
      id: 'later',
      startedMs: Date.UTC(2027, 0, 1),
      endedMs: Date.UTC(2027, 0, 1, 1),
    };
    const earlier = {
      ...sampleData().sessions[0]!,
      id: 'earlier',
      startedMs: Date.UTC(2020, 0, 1),
      endedMs: Date.UTC(2020, 0, 1, 1),
      futureField: { kept: true },
    };
    const name = await seeded({ sessions: [later, earlier] });
    const s = await openService(name);
    expect(s.skipped).toEqual([]);
    expect(s.data.sessions.map((r) => r.id)).toEqual([
      'earlier',
      'session-a',
      'session-b',
      'session-c',
      'session-d',
      'later',
    ]);
    expect(s.data.sessions[0]).toEqual(earlier);
  });

  it('refresh() reads the check afresh: a record damaged meanwhile is skipped, one mended is shown', async () => {
    const name = await seeded({});
    const s = await openService(name);
    expect(s.skipped).toEqual([]);
    const other = await LocalStore.open({ name });
    opened.push(other);
    await other.put('pain', { ...sampleData().pain[0]!, level: 42 });
    await s.refresh();
    expect(s.data.pain.map((p) => p.id)).toEqual(['pain-2']);
    expect(s.skipped).toEqual([{ store: 'pain', id: 'pain-1', problem: 'level is above 10' }]);
    await other.put('pain', sampleData().pain[0]!);
    await s.refresh();
    expect(s.data.pain.map((p) => p.id)).toEqual(['pain-1', 'pain-2']);
    expect(s.skipped).toEqual([]);
  });

  it('an import with a skipped record’s id mends it; delete all clears the report', async () => {
    const name = await seeded({ sessions: [noHolds] });
    const s = await openService(name);
    expect(s.skipped).toHaveLength(1);
    const mended = migrateSessionV1({ ...noHolds, holds: [] } as SessionRecordV1);
    const plan = await s.importRecords({ ...emptyStored(), sessions: [mended] });
    expect(plan.counts.sessions.added).toBe(1);
    expect(s.skipped).toEqual([]);
    expect(s.data.sessions.map((r) => r.id)).toContain('session-noholds');
    await s.deleteAll();
    expect(s.skipped).toEqual([]);
    expect(await rawRows(name, 'sessions')).toEqual([]);
  });

  it('saving a good state of a skipped record replaces it and clears it from the report', async () => {
    const name = await seeded({ sessions: [noHolds] });
    const s = await openService(name);
    expect(s.skipped).toHaveLength(1);
    const mended = migrateSessionV1({ ...noHolds, holds: [] } as SessionRecordV1);
    expect(await s.save('sessions', mended)).toBe(true);
    expect(s.skipped).toEqual([]);
    await s.refresh();
    expect(s.skipped).toEqual([]);
    expect(s.data.sessions.map((r) => r.id)).toContain('session-noholds');
  });

  it('saving new records still works beside a skipped one, which stays untouched', async () => {
    const name = await seeded({ sessions: [noHolds] });
    const s = await openService(name);
    expect(await s.save('pain', { ...sampleData().pain[0]!, id: 'pain-3' })).toBe(true);
    expect(s.data.pain.map((p) => p.id)).toEqual(['pain-1', 'pain-3', 'pain-2']);
    expect(s.skipped).toHaveLength(1);
    expect(await rawRows(name, 'sessions')).toContainEqual(noHolds);
  });
});

function emptyStored() {
  return { screenings: [], 'daily-checks': [], clearances: [], pain: [], sessions: [] };
}

describe('checkStoredData (pure)', () => {
  const none: RawData = {
    screenings: [],
    'daily-checks': [],
    clearances: [],
    pain: [],
    sessions: [],
  };

  it.each([
    ['null', null, undefined, 'the record should be Object'],
    ['a number', 7, undefined, 'the record should be Object'],
    ['an array', [1], undefined, 'id is missing'],
    ['holds null', { ...noHolds, holds: null }, 'session-noholds', 'holds should be Array'],
    [
      'a hold ending before it starts',
      { ...noHolds, holds: [{ startMs: 10, endMs: 5 }] },
      'session-noholds',
      'holds[0].endMs ends before the hold starts',
    ],
    [
      'an unknown exercise',
      { ...noHolds, holds: [], exercise: 'yoga' },
      'session-noholds',
      'exercise should be one of',
    ],
    [
      'a NaN start',
      { ...noHolds, holds: [], startedMs: Number.NaN },
      'session-noholds',
      'startedMs',
    ],
  ])('skips a session that is %s', (_, row, id, problem) => {
    const { data, skipped } = checkStoredData({ ...none, sessions: [row] });
    expect(data.sessions).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.store).toBe('sessions');
    expect(skipped[0]!.id).toBe(id);
    expect(skipped[0]!.problem.replace(/"/g, '')).toContain(problem.replace(/"/g, ''));
  });

  it('says nothing when nothing was skipped, and counts per kind in words', () => {
    expect(skippedRecordsMessage([])).toBeUndefined();
    const one = { store: 'sessions' as const, id: 'x', problem: 'holds is missing' };
    expect(skippedRecordsMessage([one])).toMatch(
      /^1 session saved in this browser is damaged and was skipped; everything else is shown\. It is still kept/,
    );
    expect(
      skippedRecordsMessage([one, one, { store: 'clearances', id: 'c', problem: 'p' }]),
    ).toMatch(/^2 sessions and 1 clearance saved in this browser are damaged and were skipped/);
  });
});

describe('checkStoredData on any rows (property)', () => {
  /** A good sample record with one field dropped or replaced by anything at all. */
  const damaged = (store: StoreName) =>
    fc
      .tuple(
        fc.constantFrom(...sampleData()[store]),
        fc.string({ maxLength: 12 }),
        fc.option(fc.anything(), { freq: 3 }),
      )
      .map(([good, pick, value]) => {
        const row: Record<string, unknown> = { ...good };
        const keys = Object.keys(row);
        const key = keys[pick.length % keys.length]!;
        if (value === null) delete row[key];
        else row[key] = value;
        return row;
      });
  const rows = (store: StoreName) =>
    fc.array(fc.oneof(damaged(store), fc.anything(), fc.constantFrom(...sampleData()[store])), {
      maxLength: 8,
    });

  it('never throws; what it keeps is in time order and exports to a file that imports cleanly', () => {
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(STORE_NAMES.map((s) => [s, rows(s)])),
        ) as unknown as fc.Arbitrary<RawData>,
        (raw: RawData) => {
          const { data, skipped } = checkStoredData(raw);
          let kept = 0;
          for (const s of STORE_NAMES) kept += data[s].length;
          let total = 0;
          for (const s of STORE_NAMES) total += raw[s].length;
          expect(kept + skipped.length).toBe(total);
          for (const s of STORE_NAMES) {
            const times = (data[s] as unknown as Record<string, number>[]).map(
              (r) => r[TIME_INDEX[s]]!,
            );
            expect(times).toEqual([...times].sort((a, b) => a - b));
          }
          // Duplicate ids cannot come out of IndexedDB (the id is the key): drop them before the import check.
          for (const s of STORE_NAMES) {
            const seen = new Set<string>();
            (data[s] as unknown[]) = (data[s] as { id: string }[]).filter(
              (r) => !seen.has(r.id) && !!seen.add(r.id),
            );
          }
          const parsed = parseExportText(JSON.stringify(buildExport(data, Date.UTC(2026, 2, 10))));
          expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
          expect(skippedRecordsMessage(skipped) === undefined).toBe(skipped.length === 0);
        },
      ),
      { seed: 20261202, numRuns: 400 },
    );
  });
});
