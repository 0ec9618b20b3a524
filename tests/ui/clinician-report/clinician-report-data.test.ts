/**
 * The clinician report's figures, worked by hand: only sessions, pain and
 * screenings inside the period's local days count (both ends included),
 * holds by side and the twist's balance, the pain trend, sharp-pain stops
 * among the safety events, and go-aheads recorded up to the period's end.
 */
import { describe, expect, it } from 'vitest';
import { emptyData, type SessionRecord } from '../../../src/session/storage-schema.ts';
import {
  clinicianReport,
  lastDays,
} from '../../../src/ui/clinician-report/clinician-report-data.ts';

const at = (iso: string) => new Date(iso).getTime();

function session(
  id: string,
  startedIso: string,
  holds: [number, 'left' | 'right' | undefined][],
  extra: Partial<SessionRecord> = {},
): SessionRecord {
  return {
    id,
    exercise: 'seated-twist',
    startedMs: at(startedIso),
    forcingCount: 0,
    ...extra,
    report: {
      format: 'spinewise-session-report/1',
      exercise: 'seated-twist',
      holdTargetS: 20,
      configVersion: 'x',
      appVersion: 'x',
      durationMs: 60_000,
      frames: 600,
      phases: [],
      holds: holds.map(([goodS, side], i) => ({
        startMs: i * 30_000,
        endMs: i * 30_000 + goodS * 1000,
        goodMs: goodS * 1000,
        targetReached: goodS >= 20,
        ...(side ? { side } : {}),
      })),
      cues: [],
      sideSwitches: [],
      perSecond: [],
    },
  } as SessionRecord;
}

describe('clinicianReport', () => {
  it('the last N local days end on today', () => {
    expect(lastDays(at('2026-03-10T23:30:00'), 7)).toEqual({
      fromDay: '2026-03-04',
      toDay: '2026-03-10',
    });
    expect(lastDays(at('2026-03-01T00:10:00'), 2)).toEqual({
      fromDay: '2026-02-28',
      toDay: '2026-03-01',
    });
  });

  it('counts only the period, by side, with the trend and the safety events', () => {
    const data = emptyData();
    data.sessions.push(
      session('before', '2026-03-03T23:59:00', [[40, 'left']]),
      session('first-day', '2026-03-04T00:01:00', [
        [22, 'left'],
        [10, 'right'],
      ]),
      session('last-day', '2026-03-10T21:00:00', [[30, 'right']], { source: 'video' }),
      session('stop', '2026-03-08T09:00:00', [], { stoppedFor: 'sharp-pain' }),
      session('after', '2026-03-11T00:01:00', [[50, 'right']]),
    );
    const pain = (id: string, day: string, level: number) => ({
      id,
      atMs: at(`${day}T10:00:00`),
      day,
      level,
      locations: [],
      context: 'no-session' as const,
    });
    data.pain.push(
      pain('a', '2026-03-03', 9),
      pain('b', '2026-03-05', 2),
      pain('c', '2026-03-05', 6),
      pain('d', '2026-03-09', 4),
    );
    data.clearances.push(
      {
        id: 'c1',
        recordedMs: at('2026-03-06T10:00:00'),
        visitDay: '2026-03-06',
        clinician: 'doctor',
        covers: ['numbness'],
      },
      {
        id: 'c2',
        recordedMs: at('2026-03-12T10:00:00'),
        visitDay: '2026-03-12',
        clinician: 'doctor',
        covers: ['numbness'],
      },
    );
    const r = clinicianReport(data, { fromDay: '2026-03-04', toDay: '2026-03-10' });
    expect(r.stretches).toHaveLength(1);
    const twist = r.stretches[0]!;
    // 22 + 10 + 30 = 62 s; best 30; reached: 22 and 30.
    expect(twist).toMatchObject({
      sessions: 3,
      fromVideo: 1,
      days: 3,
      holds: 3,
      bestMs: 30_000,
      totalMs: 62_000,
      reached: 2,
    });
    expect(twist.sides).toEqual({
      left: { holds: 1, bestMs: 22_000, totalMs: 22_000, reached: 1 },
      right: { holds: 2, bestMs: 30_000, totalMs: 40_000, reached: 1 },
    });
    expect(twist.leftShare).toBeCloseTo(22 / 62, 6);
    expect(r.pain).toEqual({
      days: [
        { day: '2026-03-05', worst: 6, entries: 2 },
        { day: '2026-03-09', worst: 4, entries: 1 },
      ],
      first: 6,
      last: 4,
      change: -2,
    });
    expect(r.safety.map((e) => [e.kind, e.day, e.fired])).toEqual([
      ['sharp-pain-stop', '2026-03-08', ['stopped-for-sharp-pain']],
    ]);
    expect(r.clearances.map((c) => c.id)).toEqual(['c1']);
  });
});
