/**
 * The recorder stores the SessionReport itself, as it happens, on an
 * IndexedDB (fake-indexeddb in Node): fed the live per-frame steps, the
 * stored session's report grows once a second (cues with their times,
 * per-second metrics with unknown measures left out, holds with good-form
 * time) and at the end IS the report the reporter returns; a session cut
 * off without Stop or pagehide keeps all but about the last second; the
 * pain logged just before and after it is linked into it.
 */
import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import {
  epochMs,
  FLUSH_EVERY_MS,
  SessionRecorder,
} from '../../src/controllers/session-recorder.ts';
import { StorageService } from '../../src/controllers/storage-service.ts';
import type { Features } from '../../src/core/features.ts';
import type { Verdict } from '../../src/exercises/checker.ts';
import type { PainEntry } from '../../src/safety/pain-entry.ts';
import { sessionSchema } from '../../src/session/export-schema.ts';
import type { ReportedStep } from '../../src/session/session-report.ts';

const opened: StorageService[] = [];
let n = 0;
function service(name = `timeline-${++n}`): StorageService {
  const s = new StorageService({ name, retryDelaysMs: [20] });
  opened.push(s);
  return s;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never happened: ${what}`);
}

async function readBack(name: string) {
  const reader = service(name);
  await reader.whenReady();
  reader.close();
  return reader.data.sessions;
}

/** A made-up step at `tMs`: usable, holding, with the given measures (and a cue). */
function step(tMs: number, metrics: Verdict['metrics'], cue?: 'ease-off'): ReportedStep {
  return {
    tMs,
    smoothed: { engine: 'mediapipe/lite' } as unknown as ReportedStep['smoothed'],
    features: { usable: true } as Features,
    verdict: { phase: 'holding', raised: [], formGood: true, metrics },
    ...(cue ? { cue: { code: cue, tMs } as NonNullable<ReportedStep['cue']> } : {}),
    coachedSide: 'left',
  };
}

const pain = (id: string, atMs: number, context: PainEntry['context'], level: number) =>
  ({ id, atMs, day: '2026-12-01', level, locations: ['neck'], context }) as PainEntry;

describe('the stored session is the report, written as it happens', () => {
  it('grows each second, and at the end is the report the reporter gives', async () => {
    const name = `timeline-${++n}`;
    const app = service(name);
    await app.whenReady();
    const rec = new SessionRecorder(app, new EventTarget());
    const t = Math.floor(performance.now()); // whole ms: seconds fall on whole frames
    rec.start('seated-twist', t, 25, 'left');
    // 10 frames a second for 3.5 s; rotation unseen from 1.5 to 2.5 s; a cue at 1.2 s; a hold 0.5–3.0 s.
    for (let ms = 0; ms <= 3500; ms += 100) {
      const seen = ms < 1500 || ms > 2500;
      const active =
        ms >= 500 && ms <= 3000 ? { startMs: t + 500, endMs: t + ms, heldMs: ms - 500 } : undefined;
      const done =
        ms > 3000
          ? [{ startMs: t + 500, endMs: t + 3000, heldMs: 2200, side: 'left' as const }]
          : [];
      rec.step(
        step(
          t + ms,
          { torsoRotationDeg: seen ? 10 + ms / 100 : undefined, trunkLeanDeg: 5 },
          ms === 1200 ? 'ease-off' : undefined,
        ),
        done,
        active,
      );
    }
    // Mid-way, on disk: the seconds so far, the cue, the hold.
    await until(() => app.pending.length === 0, 'the flushes');
    const mid = (await readBack(name))[0]!;
    expect(mid.endedMs).toBeUndefined();
    expect(mid.report.perSecond.map((p) => p.tMs)).toEqual([0, 1000, 2000, 3000]);
    expect(mid.report.cues).toEqual([{ tMs: 1200, code: 'ease-off' }]);
    expect(mid.report.holds.map((h) => h.goodMs)).toEqual([2200]);

    const { report, saved } = rec.end(t + 4000, undefined, [
      { startMs: t + 500, endMs: t + 3000, heldMs: 2200.4, side: 'left' },
    ]);
    await saved;
    const s = (await readBack(name))[0]!;
    expect(s.report).toEqual(report);
    expect(v.safeParse(sessionSchema, s).success).toBe(true);
    expect(s.report.holdTargetS).toBe(25);
    expect(s.report.startSide).toBe('left');
    expect(s.report.engine).toBe('mediapipe');
    expect(s.report.holds).toEqual([
      { startMs: 500, endMs: 3000, goodMs: 2200.4, side: 'left', targetReached: false },
    ]);
    // Per second, the measures of its last frame: at 1.9 s the rotation was not seen.
    expect(s.report.perSecond.map((p) => p.metrics.torsoRotationDeg)).toEqual([
      19,
      undefined,
      39,
      45,
    ]);
    expect(s.report.perSecond.map((p) => p.frames)).toEqual([10, 10, 10, 6]);
    expect(s.forcingCount).toBe(1);
    // Epoch times come from two clocks read apart: on a busy machine they may drift a little.
    expect(Math.abs(s.endedMs! - s.startedMs - 4000)).toBeLessThanOrEqual(250);
  });

  it('a session cut off (no Stop, no pagehide) keeps all but about the last second, unfinished', async () => {
    const name = `timeline-${++n}`;
    const app = service(name);
    await app.whenReady();
    const rec = new SessionRecorder(app, new EventTarget());
    const t = Math.floor(performance.now());
    rec.start('foam-roller', t);
    for (let ms = 0; ms <= 5550; ms += 50) rec.step(step(t + ms, { hipHeightThighs: 0.4 }), []);
    await until(() => app.pending.length === 0, 'the flushes');
    // The tab dies here: nothing more is written.
    const s = (await readBack(name))[0]!;
    expect(s.endedMs).toBeUndefined();
    expect(5550 - s.report.durationMs).toBeLessThan(FLUSH_EVERY_MS);
    expect(s.report.frames).toBeGreaterThan(Math.floor((5550 - FLUSH_EVERY_MS) / 50));
    expect(s.report.perSecond.at(-1)!.metrics).toEqual({ hipHeightThighs: 0.4 });
    rec.close();
  });

  it('writes the report so far on pagehide', async () => {
    const name = `timeline-${++n}`;
    const app = service(name);
    await app.whenReady();
    const page = new EventTarget();
    const rec = new SessionRecorder(app, page);
    const t = Math.floor(performance.now());
    rec.start('childs-pose', t);
    for (let ms = 0; ms <= 1700; ms += 100) rec.step(step(t + ms, {}), []);
    await until(() => app.pending.length === 0, 'the flushes');
    expect((await readBack(name))[0]!.report.durationMs).toBe(1000);
    page.dispatchEvent(new Event('pagehide'));
    await until(() => app.pending.length === 0, 'the pagehide write');
    expect((await readBack(name))[0]!.report.durationMs).toBe(1700);
    rec.close();
  });
});

describe('pain before and after', () => {
  it('links the entry logged just before at the start, and the one logged just after once saved', async () => {
    const name = `timeline-${++n}`;
    const app = service(name);
    await app.whenReady();
    const t = Math.floor(performance.now());
    const t0 = epochMs(t);
    await app.save('pain', pain('older', t0 - 3 * 3600_000, 'before-session', 6)); // hours before: not this one's
    await app.save('pain', pain('before', t0 - 60_000, 'before-session', 4));
    const rec = new SessionRecorder(app, new EventTarget());
    rec.start('seated-twist', t, 20, 'left');
    rec.step(step(t + 100, {}), []);
    await rec.end(t + 2000).saved;
    expect(app.data.sessions[0]!.report.pain).toEqual({
      before: { id: 'before', level: 4, atMs: t0 - 60_000 },
    });
    await app.save('pain', pain('after', t0 + 120_000, 'after-session', 2));
    await until(() => app.pending.length === 0, 'the relinked session');
    // Stored again as stopped for sharp pain: the link made since is kept.
    await rec.restop('sharp-pain');
    const s = (await readBack(name))[0]!;
    expect(s.stoppedFor).toBe('sharp-pain');
    expect(s.report.pain).toEqual({
      before: { id: 'before', level: 4, atMs: t0 - 60_000 },
      after: { id: 'after', level: 2, atMs: t0 + 120_000 },
    });
  });
});
