/**
 * History's arithmetic on hand-built sessions, every expected number worked
 * out by hand: best and total good-form time per day and side, holds that
 * reached the target, the twist's balance, roller pauses, and which local
 * day a session falls on across midnight in three time zones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  goodFormMs,
  holdSeries,
  rollerPauses,
  sessionMarkers,
  twistBalance,
} from '../../src/session/history-series.ts';
import { migrateSessionV1, type SessionRecordV1 } from '../../src/session/session-v1.ts';
import type { SessionRecord } from '../../src/session/storage-schema.ts';

const T0 = Date.UTC(2026, 2, 8, 12, 0, 0); // Sun 8 Mar 2026, 12:00 UTC
const DAY = 86_400_000;

function session(
  id: string,
  exercise: SessionRecord['exercise'],
  startedMs: number,
  holds: SessionRecordV1['holds'],
  holdTargetS?: number,
): SessionRecord {
  // Written as storage v1 kept sessions (epoch times), then migrated as the database upgrade does.
  return migrateSessionV1({
    id,
    exercise,
    startedMs,
    endedMs: startedMs + 300_000,
    holds,
    forcingCount: 0,
    ...(holdTargetS ? { holdTargetS } : {}),
  });
}

/** A hold starting `atS` seconds into a session at `start`, `heldS` of good form over `spanS`. */
function hold(start: number, atS: number, heldS: number, side?: 'left' | 'right', spanS = heldS) {
  return {
    startMs: start + atS * 1000,
    endMs: start + (atS + spanS) * 1000,
    heldMs: heldS * 1000,
    ...(side ? { side } : {}),
  };
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('good-form time of a hold', () => {
  it('is the counted time where stored, else start to end', () => {
    expect(goodFormMs({ startMs: 0, endMs: 25_000, heldMs: 21_500 })).toBe(21_500);
    expect(goodFormMs({ startMs: 1000, endMs: 19_000 })).toBe(18_000);
  });
});

describe('hold series per stretch and side', () => {
  const d1 = T0;
  const d2 = T0 + DAY;
  const sessions = [
    // Day 1: twist, left 22 s (over 24 s) and 12 s, right 18 s; target 20 s.
    session(
      'a',
      'seated-twist',
      d1,
      [hold(d1, 10, 22, 'left', 24), hold(d1, 50, 12, 'left'), hold(d1, 90, 18, 'right')],
      20,
    ),
    // Day 2: twist, left 25 s, right 21 s and 9 s; target 25 s.
    session(
      'b',
      'seated-twist',
      d2,
      [hold(d2, 5, 25, 'left'), hold(d2, 40, 21, 'right'), hold(d2, 80, 9, 'right')],
      25,
    ),
    // Day 2: roller, 3 pauses of 8, 10, 6 s; an older record without heldMs: 4 s span.
    session('r', 'foam-roller', d2 + 3_600_000, [
      hold(d2 + 3_600_000, 0, 8),
      hold(d2 + 3_600_000, 20, 10),
      hold(d2 + 3_600_000, 40, 6),
      { startMs: d2 + 3_660_000, endMs: d2 + 3_664_000 },
    ]),
  ];

  it('gives best, total, holds and reached per day, against the newest target', () => {
    const series = holdSeries(sessions, utcDay);
    expect(series.map((s) => `${s.exercise}:${s.side ?? ''}`)).toEqual([
      'seated-twist:left',
      'seated-twist:right',
      'foam-roller:',
    ]);
    const [left, right, roller] = series;
    expect(left).toEqual({
      exercise: 'seated-twist',
      side: 'left',
      targetS: 25,
      days: [
        { day: '2026-03-08', bestMs: 22_000, totalMs: 34_000, holds: 2, reached: 1 },
        { day: '2026-03-09', bestMs: 25_000, totalMs: 25_000, holds: 1, reached: 1 },
      ],
    });
    expect(right!.days).toEqual([
      { day: '2026-03-08', bestMs: 18_000, totalMs: 18_000, holds: 1, reached: 0 },
      // 21 s is short of that day's 25 s target.
      { day: '2026-03-09', bestMs: 21_000, totalMs: 30_000, holds: 2, reached: 0 },
    ]);
    expect(roller!.side).toBeUndefined();
    expect(roller!.targetS).toBe(20); // none stored: the app's default
    expect(roller!.days).toEqual([
      { day: '2026-03-09', bestMs: 10_000, totalMs: 28_000, holds: 4, reached: 0 },
    ]);
  });

  it('balances the twist per day: left share of both sides', () => {
    expect(twistBalance(sessions, utcDay)).toEqual([
      { day: '2026-03-08', leftMs: 34_000, rightMs: 18_000, leftShare: 34 / 52 },
      { day: '2026-03-09', leftMs: 25_000, rightMs: 30_000, leftShare: 25 / 55 },
    ]);
  });

  it('counts the roller pauses per session', () => {
    expect(rollerPauses(sessions, utcDay)).toEqual([
      { id: 'r', startedMs: d2 + 3_600_000, day: '2026-03-09', pauses: 4, totalMs: 28_000 },
    ]);
  });

  it('leaves out a twist hold stored without a side, and gives nothing for no sessions', () => {
    const s = session('x', 'seated-twist', d1, [hold(d1, 0, 30)]);
    expect(holdSeries([s], utcDay)).toEqual([]);
    expect(twistBalance([s], utcDay)).toEqual([]);
    expect(holdSeries([])).toEqual([]);
    expect(sessionMarkers([])).toEqual([]);
  });
});

describe('local days across midnight and time zones', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedTz;
  });
  // 23:50 UTC on 8 Mar and 00:10 UTC on 9 Mar: 20 minutes apart.
  const late = Date.UTC(2026, 2, 8, 23, 50);
  const early = Date.UTC(2026, 2, 9, 0, 10);
  const both = [
    session('late', 'childs-pose', late, [hold(late, 0, 20)]),
    session('early', 'childs-pose', early, [hold(early, 0, 30)]),
  ];

  it.each([
    // UTC: two days, one hold each.
    [
      'UTC',
      [
        ['2026-03-08', 20_000, 20_000],
        ['2026-03-09', 30_000, 30_000],
      ],
    ],
    // UTC+9: 08:50 and 09:10 on 9 Mar, one day.
    ['Asia/Tokyo', [['2026-03-09', 30_000, 50_000]]],
    // UTC−7 (daylight time began at 10:00 UTC that day): 16:50 and 17:10 on 8 Mar.
    ['America/Los_Angeles', [['2026-03-08', 30_000, 50_000]]],
  ] as const)('in %s the holds fall on the local days', (tz, expected) => {
    process.env.TZ = tz;
    const [series] = holdSeries(both);
    expect(series!.days.map((d) => [d.day, d.bestMs, d.totalMs])).toEqual(expected);
    expect(sessionMarkers(both).map((m) => m.day)).toEqual(
      tz === 'UTC' ? ['2026-03-08', '2026-03-09'] : [expected[0]![0], expected[0]![0]],
    );
  });

  it('keeps a hold that runs past midnight on the day it started', () => {
    process.env.TZ = 'UTC';
    const start = Date.UTC(2026, 2, 8, 23, 59, 50);
    const [series] = holdSeries([session('m', 'childs-pose', start, [hold(start, 0, 25)])]);
    expect(series!.days).toEqual([
      { day: '2026-03-08', bestMs: 25_000, totalMs: 25_000, holds: 1, reached: 1 },
    ]);
  });
});
