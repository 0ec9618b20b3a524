/**
 * Storage v1 → v2 on fake-indexeddb: a database made by version 1 (its
 * upgrade step, then the rows of tests/storage/fixtures/v1-database.json,
 * which the version-1 recorder, import and storage service wrote: see
 * fixtures/README.md) is opened by this build. Every record is compared:
 * the other stores unchanged, every v1 session turned into a report whose
 * holds, cues and samples give back exactly the v1 ones on the epoch clock,
 * linked to the pain logged just before and after it, unknown fields kept;
 * a session already damaged in v1 left untouched and still reported.
 * And an upgrade that another connection on v1 blocks waits, then migrates.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageService } from '../../src/controllers/storage-service.ts';
import { sessionSchema } from '../../src/session/export-schema.ts';
import { LocalStore } from '../../src/session/local-store.ts';
import { UNKNOWN_IN_V1 } from '../../src/session/session-v1.ts';
import {
  type SessionRecord,
  STORAGE_VERSION,
  STORE_NAMES,
  type StoreName,
} from '../../src/session/storage-schema.ts';
import { sessionCues, sessionHolds, sessionMetrics } from '../../src/session/stored-session.ts';

type Row = Record<string, unknown>;
const FIXTURE = JSON.parse(
  readFileSync(new URL('./fixtures/v1-database.json', import.meta.url), 'utf8'),
) as Record<StoreName, Row[]> & { version: number[] };

let n = 0;
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** A version-1 database holding the fixture's rows as they are. */
async function v1Database(): Promise<string> {
  const name = `migrate-${++n}`;
  const v1 = await LocalStore.open({ name, version: 1 });
  for (const s of STORE_NAMES) for (const r of FIXTURE[s]) await v1.put(s, r as never);
  v1.close();
  return name;
}

async function rows(name: string): Promise<{ version: number } & Record<StoreName, Row[]>> {
  const db = await openDB(name);
  const out = { version: db.version } as { version: number } & Record<StoreName, Row[]>;
  for (const s of STORE_NAMES) out[s] = (await db.getAll(s)) as Row[];
  db.close();
  return out;
}

const v1Sessions = () => FIXTURE.sessions.filter((s) => Array.isArray(s.holds));

describe('opening a version-1 database', () => {
  it('is the fixture written by version 1', () => {
    expect(FIXTURE.version).toEqual([1]);
    expect(STORAGE_VERSION).toBe(2);
    expect(FIXTURE.sessions).toHaveLength(6);
  });

  it('migrates every session and leaves every other record as it was', async () => {
    const name = await v1Database();
    const app = new StorageService({ name, retryDelaysMs: [] });
    opened.push(app);
    await app.whenReady();
    expect(app.status).toBe('ready');
    const after = await rows(name);
    expect(after.version).toBe(2);
    for (const s of STORE_NAMES.filter((x) => x !== 'sessions'))
      expect(after[s]).toEqual(FIXTURE[s]);

    const byId = new Map(after.sessions.map((r) => [r.id as string, r]));
    expect([...byId.keys()].sort()).toEqual(FIXTURE.sessions.map((s) => s.id).sort());
    for (const old of v1Sessions()) {
      const now = byId.get(old.id as string) as unknown as SessionRecord;
      expect(v.safeParse(sessionSchema, now).success, `${old.id} is a valid v2 session`).toBe(true);
      // What stays beside the report, and fields v1 did not define.
      const { holds, cues, metrics, holdTargetS, ...kept } = old;
      expect(now).toMatchObject(kept);
      expect(now.migratedFrom).toBe(1);
      expect(now.report.exercise).toBe(old.exercise);
      expect(now.report.holdTargetS).toBe(holdTargetS ?? 20);
      expect(now.report.configVersion).toBe(UNKNOWN_IN_V1);
      // Holds, cues and samples come back exactly, on the epoch clock.
      const v1Holds = holds as { startMs: number; endMs: number; heldMs?: number }[];
      expect(sessionHolds(now)).toEqual(
        v1Holds.map((h) => ({ ...h, heldMs: h.heldMs ?? h.endMs - h.startMs })),
      );
      expect(sessionCues(now)).toEqual(cues ?? []);
      expect(sessionMetrics(now)).toEqual(metrics ?? []);
    }
    // The service shows the migrated sessions; the one damaged in v1 is skipped, reported, kept.
    expect(app.data.sessions.map((s) => s.id).sort()).toEqual(
      v1Sessions()
        .map((s) => s.id)
        .sort(),
    );
    expect(app.skipped).toEqual([
      { store: 'sessions', id: 'damaged-v1', problem: 'holds is missing' },
    ]);
    expect(byId.get('damaged-v1')).toEqual(FIXTURE.sessions.find((s) => s.id === 'damaged-v1'));
  });

  it('works out each number of the live sessions v1 recorded (derived by hand)', async () => {
    const name = await v1Database();
    const app = new StorageService({ name, retryDelaysMs: [] });
    opened.push(app);
    await app.whenReady();
    const twist = app.data.sessions.find((s) => s.id.startsWith('session-1'))!;
    const old = FIXTURE.sessions.find((s) => s.id === twist.id)!;
    expect((twist as unknown as Row).comment).toBe('kept as it is');
    // The fixture's twist: one hold 0.5–2.6 s in, 2045 ms held, target 25 s; cues at 1.2 and 3.2 s;
    // seven samples a second apart, rotation unseen at 2 and 3 s (v1 rounded it to 0.1°).
    const r = twist.report;
    expect(r.holds).toHaveLength(1);
    expect(r.holds[0]!.startMs).toBeCloseTo(500, -1);
    expect(r.holds[0]!.endMs).toBeCloseTo(2600, -1);
    expect(r.holds[0]).toMatchObject({ goodMs: 2045, side: 'left', targetReached: false });
    expect(r.cues.map((c) => c.code)).toEqual(['ease-off', 'turn-further']);
    expect(r.perSecond.map((p) => p.metrics.torsoRotationDeg)).toEqual([
      12.3,
      13.3,
      undefined,
      undefined,
      16.3,
      17.3,
      18.3,
    ]);
    expect(r.durationMs).toBe((old.endedMs as number) - (old.startedMs as number));
    // Pain logged a minute before (4/10) and half a minute after (2/10) is linked to it.
    expect(r.pain).toEqual({
      before: { id: 'pain-before', level: 4, atMs: expect.any(Number) },
      after: { id: 'pain-after', level: 2, atMs: expect.any(Number) },
    });
    // The roller cut off mid-session: no end, its hold as far as it was written.
    const roller = app.data.sessions.find((s) => s.exercise === 'foam-roller' && !s.stoppedFor)!;
    expect(roller.endedMs).toBeUndefined();
    expect(roller.report.holds.map((h) => h.goodMs)).toEqual([2000]);
    expect(roller.report.pain).toBeUndefined();
    // The v1 golden's twist: 22.5 s and 20 s held (no good-form time in v1: first to last frame).
    const a = app.data.sessions.find((s) => s.id === 'session-a')!;
    expect(a.report.holds.map((h) => [h.startMs, h.goodMs, h.targetReached])).toEqual([
      [10_000, 22_500, true],
      [50_000, 20_000, true],
    ]);
  });

  it('opens an already migrated database without changing it', async () => {
    const name = await v1Database();
    const first = new StorageService({ name, retryDelaysMs: [] });
    await first.whenReady();
    first.close();
    const once = await rows(name);
    const again = new StorageService({ name, retryDelaysMs: [] });
    opened.push(again);
    await again.whenReady();
    expect(await rows(name)).toEqual(once);
  });

  it('waits while a version-1 connection blocks the upgrade, then migrates', async () => {
    const name = await v1Database();
    // An older tab that does not step aside when asked.
    const older = await openDB(name, 1);
    const app = new StorageService({ name, retryDelaysMs: [] });
    opened.push(app);
    await expect.poll(() => app.error?.kind).toBe('blocked');
    expect(app.status).toBe('opening');
    older.close();
    await app.whenReady();
    expect(app.status).toBe('ready');
    expect(app.data.sessions).toHaveLength(5);
    expect(app.data.sessions.every((s) => s.report !== undefined)).toBe(true);
  });
});
