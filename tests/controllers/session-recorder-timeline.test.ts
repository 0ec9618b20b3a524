/**
 * What the recorder keeps for the session timeline, on an IndexedDB
 * (fake-indexeddb in Node): each cue with its time, one measure sample a
 * second with unknown measures left out, each hold's good-form time and
 * the hold target; and the record, read back, passes the export schema.
 */
import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionRecorder } from '../../src/controllers/session-recorder.ts';
import { StorageService } from '../../src/controllers/storage-service.ts';
import { sessionSchema } from '../../src/session/export-schema.ts';

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

describe('the recorder keeps cues, samples and good-form time', () => {
  it('stores one sample a second, unknown measures left out, and every cue', async () => {
    const app = service();
    await app.whenReady();
    const rec = new SessionRecorder(app, new EventTarget());
    // A whole-ms start: with a fractional one, (t + 3000) - (t + 2000) can come out a hair
    // under 1000 in floating point and move the sample one frame later.
    const t = Math.floor(performance.now());
    rec.start('seated-twist', t, 25);
    // 10 frames a second for 3.5 s; rotation unseen from 1.5 to 2.5 s.
    for (let ms = 0; ms <= 3500; ms += 100) {
      const seen = ms < 1500 || ms > 2500;
      rec.sample(t + ms, { torsoRotationDeg: seen ? 10 + ms / 100 : undefined, trunkLeanDeg: 5 });
    }
    rec.cue('ease-off', t + 1200);
    rec.update([{ startMs: t + 500, endMs: t + 3000, heldMs: 2200.4, side: 'left' }], 1);
    await rec.finish(t + 4000);

    const later = service(`timeline-${n}`);
    await later.whenReady();
    const s = later.data.sessions[0]!;
    expect(s.holdTargetS).toBe(25);
    expect(s.holds.map((h) => h.heldMs)).toEqual([2200]);
    // Samples at 0, 1, 2 and 3 s of pose time; the one at 2 s had no rotation. Epoch times
    // come from two clocks read one after the other: on a busy machine they may drift apart a little.
    const near = (ms: number, want: number) => Math.abs(ms - want) <= 250;
    const metrics = s.metrics!;
    expect(metrics.map(({ atMs: _, ...m }) => m)).toEqual([
      { rotationDeg: 10 },
      { rotationDeg: 20 },
      {},
      { rotationDeg: 40 },
    ]);
    expect(metrics.map((m, i) => near(m.atMs - s.startedMs, i * 1000))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(s.cues!.map((c) => c.code)).toEqual(['ease-off']);
    expect(near(s.cues![0]!.atMs - s.startedMs, 1200)).toBe(true);
    expect(v.safeParse(sessionSchema, s).success).toBe(true);
  });

  it('records the hip lift for the roller, and nothing for a measure the stretch lacks', async () => {
    const app = service();
    await app.whenReady();
    const rec = new SessionRecorder(app, new EventTarget());
    const t = performance.now();
    rec.start('foam-roller', t);
    rec.sample(t, { hipHeightThighs: 0.4567 });
    rec.sample(t + 1000, {});
    await rec.finish(t + 2000);
    const s = app.data.sessions[0]!;
    expect(s.metrics!.map(({ atMs: _, ...m }) => m)).toEqual([{ hipLiftThighs: 0.457 }, {}]);
    expect(s.holdTargetS).toBeUndefined();
  });
});

describe('older sessions stay valid', () => {
  it('a session without cues, samples, target or good-form time still passes the schema', () => {
    const old = {
      id: 's',
      exercise: 'childs-pose',
      startedMs: 1,
      endedMs: 2,
      holds: [{ startMs: 1, endMs: 2 }],
      forcingCount: 0,
    };
    expect(v.safeParse(sessionSchema, old).success).toBe(true);
    const bad = {
      ...old,
      cues: [{ atMs: 1, code: 'shout' }],
      metrics: [{ atMs: 1, rotationDeg: 'x' }],
    };
    const r = v.safeParse(sessionSchema, bad);
    expect(r.success).toBe(false);
    expect(r.issues?.map((i) => v.getDotPath(i))).toEqual(['cues.0.code', 'metrics.0.rotationDeg']);
  });
});
