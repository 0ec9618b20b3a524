/**
 * The storage service and the session recorder on an IndexedDB (fake-indexeddb
 * in Node; the same paths run on Chromium's real one in
 * tests/browser/data-safety.test.ts): one service for everything, a session
 * seen at once, failures kept and retried until the whole session lands,
 * import all-or-nothing and repeatable, delete all.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionRecorder } from '../../src/controllers/session-recorder.ts';
import { StorageService } from '../../src/controllers/storage-service.ts';
import type { Features } from '../../src/core/features.ts';
import type { LocalStore } from '../../src/session/local-store.ts';
import type { ReportedStep } from '../../src/session/session-report.ts';
import { emptyData } from '../../src/session/storage-schema.ts';
import { sessionHolds } from '../../src/session/stored-session.ts';
import { sampleData } from '../session/sample-data.ts';

let dbCount = 0;
const opened: StorageService[] = [];
/** A service on a database of its own (or on `name`, to read what another wrote). */
function service(name = `test-${++dbCount}`, retryDelaysMs: number[] = [20]): StorageService {
  const s = new StorageService({ name, retryDelaysMs });
  opened.push(s);
  return s;
}
function dbName(): string {
  return `test-${dbCount}`;
}

const realPut = IDBObjectStore.prototype.put;
/** Makes every IndexedDB write fail as a full disk does (after `okWrites` good ones). */
function failWrites(okWrites = 0) {
  let left = okWrites;
  IDBObjectStore.prototype.put = function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    if (left-- > 0) return realPut.apply(this, args);
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}
function healWrites() {
  IDBObjectStore.prototype.put = realPut;
}

afterEach(() => {
  healWrites();
  for (const s of opened.splice(0)) s.close();
});

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Epoch times come from two clocks (Date.now and performance.now): equal to within a rounding or two. */
const near = (ms: number, want: number) => Math.abs(ms - want) <= 2;
const expectMs = (ms: number, want: number) =>
  expect(ms, `${ms} ms vs ${want}`).toSatisfy((x: number) => near(x, want));

/** A made-up analysed frame at `tMs` (the recorder reports from it; the holds are passed beside it). */
function frame(tMs: number, side?: 'left' | 'right'): ReportedStep {
  return {
    tMs,
    smoothed: { engine: 'mediapipe/lite' } as unknown as ReportedStep['smoothed'],
    features: { usable: true } as Features,
    verdict: { phase: 'holding', raised: [], formGood: true, metrics: {} },
    ...(side ? { coachedSide: side } : {}),
  };
}

const hold = (startMs: number, endMs: number, side?: 'left' | 'right') => ({
  startMs,
  endMs,
  heldMs: endMs - startMs,
  ...(side ? { side } : {}),
});

describe('the session recorder writes through the one storage service', () => {
  it('shows the session in the data and the export at once, and it is on disk when finished', async () => {
    const app = service();
    await app.whenReady();
    const rec = new SessionRecorder(app);
    const t = performance.now();
    rec.start('seated-twist', t);
    expect(app.data.sessions).toHaveLength(1);
    const id = app.data.sessions[0]!.id;
    expect(app.recording.has(id)).toBe(true);
    rec.step(frame(t + 21_000, 'left'), [hold(t + 1000, t + 21_000, 'left')]);
    expect(JSON.parse(app.exportJson()).sessions[0].report.holds).toHaveLength(1);
    await rec.end(t + 30_000).saved;
    expect(app.recording.size).toBe(0);
    expect(app.pending).toEqual([]);

    const later = service(dbName());
    await later.whenReady();
    const stored = later.data.sessions[0]!;
    expect(stored.id).toBe(id);
    expect(sessionHolds(stored)).toEqual([
      { startMs: expect.any(Number), endMs: expect.any(Number), side: 'left', heldMs: 20_000 },
    ]);
    expectMs(sessionHolds(stored)[0]!.endMs - sessionHolds(stored)[0]!.startMs, 20_000);
    expectMs(stored.endedMs! - stored.startedMs, 30_000);
  });

  it('storage failing until after Stop: the session is kept, reported, retried, and lands whole', async () => {
    const app = service();
    await app.whenReady();
    const errors: string[] = [];
    const rec = new SessionRecorder(app);
    rec.onError = (m) => errors.push(m);
    failWrites();
    const t = performance.now();
    rec.start('childs-pose', t);
    rec.step(frame(t + 16_000), [hold(t + 1000, t + 16_000)]);
    rec.step(frame(t + 40_000), [hold(t + 1000, t + 16_000), hold(t + 20_000, t + 40_000)]);
    await rec.end(t + 45_000, 'sharp-pain').saved;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.at(-1)).toMatch(/not saved yet.*kept on this page.*storage is full/s);
    expect(app.error?.kind).toBe('full');
    // One pending copy: the newest, with both holds and the end.
    expect(app.pending).toHaveLength(1);
    const kept = app.pending[0]!.record as (typeof app.data.sessions)[number];
    expect(sessionHolds(kept)).toHaveLength(2);
    expect(kept.endedMs).toBeDefined();
    expect(JSON.parse(app.exportJson()).sessions[0].report.holds).toHaveLength(2);

    healWrites(); // the disk has room again: the automatic retry writes it
    await until(() => app.pending.length === 0, 'the retry');
    expect(app.error).toBeUndefined();
    const later = service(dbName());
    await later.whenReady();
    const stored = later.data.sessions[0]!;
    expect(sessionHolds(stored)).toHaveLength(2);
    expect(stored.stoppedFor).toBe('sharp-pain');
    expectMs(stored.endedMs! - stored.startedMs, 45_000);
  });

  it('a dropped connection is opened again by the retry', async () => {
    const app = service();
    await app.whenReady();
    // As when the browser closes the database under the page.
    (app as unknown as { store: LocalStore }).store.close();
    const rec = new SessionRecorder(app);
    rec.start('foam-roller', performance.now());
    await rec.end(performance.now() + 10_000).saved;
    await until(() => app.pending.length === 0, 'the reopened connection');
    expect(app.status).toBe('ready');
    const later = service(dbName());
    await later.whenReady();
    expect(later.data.sessions[0]?.endedMs).toBeDefined();
  });

  it('checkpoints a hold in progress each second and writes it on pagehide', async () => {
    const app = service();
    await app.whenReady();
    const page = new EventTarget();
    const rec = new SessionRecorder(app, page);
    const t = Math.floor(performance.now()); // whole ms: the seconds fall on whole frames
    rec.start('seated-twist', t);
    const stored = async () => {
      const reader = service(dbName());
      await reader.whenReady();
      reader.close();
      return reader.data.sessions[0]!;
    };
    // A hold from 0.5 s, at 20 frames a second until 2.95 s: the session is written at 1 and 2 s
    // of pose time, so the hold is stored as 0.5 s, then 1.5 s long.
    for (let ms = 0; ms <= 2450; ms += 50)
      rec.step(frame(t + 500 + ms, 'left'), [], {
        startMs: t + 500,
        endMs: t + 500 + ms,
        heldMs: ms,
      });
    await until(async () => sessionHolds(await stored())[0]?.endMs !== undefined, 'a checkpoint');
    await until(async () => {
      const h = sessionHolds(await stored())[0]!;
      return near(h.endMs - h.startMs, 1500);
    }, 'the write at 2 s');
    expect(sessionHolds(await stored())).toEqual([
      {
        startMs: expect.any(Number),
        endMs: expect.any(Number),
        side: 'left',
        heldMs: expect.any(Number),
      },
    ]);
    // The tab goes away: the last state is written at once.
    page.dispatchEvent(new Event('pagehide'));
    await until(async () => {
      const h = sessionHolds(await stored())[0]!;
      return near(h.endMs - h.startMs, 2450);
    }, 'the pagehide write');
    expect((await stored()).endedMs).toBeUndefined();
    // The hold ends: it is stored once, as finished, with nothing left open.
    rec.step(frame(t + 3000, 'left'), [hold(t + 500, t + 3000, 'left')]);
    await rec.end(t + 4000).saved;
    const done = await stored();
    expect(sessionHolds(done)).toHaveLength(1);
    expectMs(sessionHolds(done)[0]!.endMs - sessionHolds(done)[0]!.startMs, 2500);
    expect(done.endedMs).toBeDefined();
  });

  it('never lets an older state of a record land after a newer one', async () => {
    const app = service();
    await app.whenReady();
    const base = sampleData().pain[0]!;
    await Promise.all([1, 2, 3, 4, 5, 6].map((level) => app.save('pain', { ...base, level })));
    const later = service(dbName());
    await later.whenReady();
    expect(later.data.pain.map((p) => p.level)).toEqual([6]);
  });
});

describe('import and delete all', () => {
  it('imports everything in one go; a failure part-way changes nothing', async () => {
    const app = service();
    await app.whenReady();
    failWrites(3); // the fourth write fails: the whole transaction is undone
    await expect(app.importRecords(sampleData())).rejects.toMatchObject({ kind: 'full' });
    expect(app.data).toEqual(emptyData());
    healWrites();
    const check = service(dbName());
    await check.whenReady();
    expect(check.data).toEqual(emptyData());

    const plan = await app.importRecords(sampleData());
    expect(plan.counts.sessions).toEqual({ added: 4, alreadyHere: 0 });
    expect(app.data).toEqual(sampleData());
    const again = await app.importRecords(sampleData());
    expect(Object.values(again.counts).every((c) => c.added === 0)).toBe(true);
    const after = service(dbName());
    await after.whenReady();
    expect(after.data).toEqual(sampleData());
  });

  it('deletes every record, saved or pending, from memory and disk', async () => {
    const app = service();
    await app.whenReady();
    await app.importRecords(sampleData());
    failWrites();
    await app.save('pain', { ...sampleData().pain[0]!, id: 'unsaved' });
    expect(app.pending).toHaveLength(1);
    healWrites();
    await app.deleteAll();
    expect(app.data).toEqual(emptyData());
    expect(app.pending).toEqual([]);
    expect(app.error).toBeUndefined();
    await new Promise((r) => setTimeout(r, 60)); // past the retry delay: nothing comes back
    const after = service(dbName());
    await after.whenReady();
    expect(after.data).toEqual(emptyData());
  });
});
