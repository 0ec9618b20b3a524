/** A small, fixed set of stored records of every kind, for the export, import, CSV and migration tests. */
import { allNo } from '../../src/safety/screening-questions.ts';
import type { SessionReport } from '../../src/session/session-report.ts';
import type { SessionRecordV1 } from '../../src/session/session-v1.ts';
import { emptyData, type StoredData } from '../../src/session/storage-schema.ts';

const T0 = Date.UTC(2026, 2, 8, 9, 0, 0);

/** What a report migrated from version 1 knows by itself (session-v1.ts). */
const MIGRATED = {
  format: 'spinewise-session-report/1',
  holdTargetS: 20,
  configVersion: 'unknown',
  appVersion: 'unknown',
  frames: 0,
  phases: [],
  holds: [],
  cues: [],
  sideSwitches: [],
  perSecond: [],
} as const satisfies Partial<SessionReport>;

/**
 * Every kind of record, as storage version 2 keeps it: the three sessions
 * of sampleDataV1 migrated, and one session stored by version 2 (with the
 * pain entry logged after it).
 */
export function sampleData(): StoredData {
  return common(true);
}

/** What importing sampleDataV1 (the v1 golden file) or upgrading a database holding it gives. */
export function sampleDataFromV1(): StoredData {
  const data = sampleData();
  data.sessions = data.sessions.filter((s) => s.migratedFrom === 1);
  data.pain = data.pain.filter((p) => p.id === 'pain-1');
  return data;
}

/** The same records as a version-1 database (and export file) held them: three sessions, one pain entry. */
export function sampleDataV1(): Omit<StoredData, 'sessions'> & { sessions: SessionRecordV1[] } {
  const data = common(false);
  return { ...data, sessions: v1Sessions() };
}

function v1Sessions(): SessionRecordV1[] {
  const sessions: SessionRecordV1[] = [];
  sessions.push(
    {
      id: 'session-a',
      exercise: 'seated-twist',
      startedMs: T0 + 240_000,
      endedMs: T0 + 330_000,
      holds: [
        { startMs: T0 + 250_000, endMs: T0 + 272_500, side: 'left' },
        { startMs: T0 + 290_000, endMs: T0 + 310_000, side: 'right' },
      ],
      forcingCount: 1,
    },
    {
      id: 'session-b',
      exercise: 'childs-pose',
      startedMs: T0 + 86_400_000,
      holds: [{ startMs: T0 + 86_410_000, endMs: T0 + 86_425_000 }],
      forcingCount: 0,
    },
    {
      id: 'session-c',
      exercise: 'foam-roller',
      startedMs: T0 + 2 * 86_400_000,
      endedMs: T0 + 2 * 86_400_000 + 5000,
      holds: [],
      forcingCount: 0,
      stoppedFor: 'sharp-pain',
    },
  );
  return sessions;
}

function common(withV2Pain: boolean): StoredData {
  const data = emptyData();
  data.screenings.push({
    id: 'screening-1',
    atMs: T0,
    day: '2026-03-08',
    answers: allNo(),
    decision: 'ok',
    fired: [],
  });
  data['daily-checks'].push({
    id: 'check-1',
    atMs: T0 + 60_000,
    day: '2026-03-08',
    anythingNew: false,
  });
  data.clearances.push({
    id: 'clearance-1',
    recordedMs: T0 + 120_000,
    visitDay: '2026-03-05',
    clinician: 'physical-therapist',
    clinicianName: 'Dr. "Quote", Clinic',
    covers: ['disc-problems'],
  });
  data.pain.push({
    id: 'pain-1',
    atMs: T0 + 180_000,
    day: '2026-03-08',
    level: 3,
    locations: ['upper-back'],
    context: 'before-session',
    note: 'stiff, after a long drive',
  });
  if (withV2Pain)
    data.pain.push({
      id: 'pain-2',
      atMs: T0 + 3 * 86_400_000 + 60_000,
      day: '2026-03-11',
      level: 1,
      locations: ['neck'],
      context: 'after-session',
    });
  data.sessions.push(
    // The three sessions of sampleDataV1 as the v1 → v2 migration must give them (derived by hand).
    {
      id: 'session-a',
      exercise: 'seated-twist',
      startedMs: T0 + 240_000,
      endedMs: T0 + 330_000,
      forcingCount: 1,
      migratedFrom: 1,
      report: {
        ...MIGRATED,
        exercise: 'seated-twist',
        durationMs: 90_000,
        holds: [
          { startMs: 10_000, endMs: 32_500, goodMs: 22_500, targetReached: true, side: 'left' },
          { startMs: 50_000, endMs: 70_000, goodMs: 20_000, targetReached: true, side: 'right' },
        ],
        // pain-1 ("before a session") was logged a minute before it.
        pain: { before: { id: 'pain-1', level: 3, atMs: T0 + 180_000 } },
      },
    },
    {
      id: 'session-b',
      exercise: 'childs-pose',
      startedMs: T0 + 86_400_000,
      forcingCount: 0,
      migratedFrom: 1,
      report: {
        ...MIGRATED,
        exercise: 'childs-pose',
        durationMs: 25_000,
        holds: [{ startMs: 10_000, endMs: 25_000, goodMs: 15_000, targetReached: false }],
      },
    },
    {
      id: 'session-c',
      exercise: 'foam-roller',
      startedMs: T0 + 2 * 86_400_000,
      endedMs: T0 + 2 * 86_400_000 + 5000,
      forcingCount: 0,
      stoppedFor: 'sharp-pain',
      migratedFrom: 1,
      report: { ...MIGRATED, exercise: 'foam-roller', durationMs: 5000 },
    },
    // A session stored by version 2 itself: everything the report holds.
    {
      id: 'session-d',
      exercise: 'seated-twist',
      startedMs: T0 + 3 * 86_400_000,
      endedMs: T0 + 3 * 86_400_000 + 4000,
      forcingCount: 1,
      source: 'live',
      report: {
        format: 'spinewise-session-report/1',
        exercise: 'seated-twist',
        startSide: 'left',
        holdTargetS: 2,
        engine: 'mediapipe',
        model: 'lite',
        configVersion: 'cfg-0123abcd',
        appVersion: '0.1.0',
        durationMs: 3900,
        frames: 40,
        phases: [
          { fromMs: 0, toMs: 400, phase: 'setup' },
          { fromMs: 500, toMs: 3000, phase: 'holding' },
          { fromMs: 3100, toMs: 3900, phase: 'resting' },
        ],
        holds: [{ startMs: 500, endMs: 3000, goodMs: 2400, targetReached: true, side: 'left' }],
        cues: [{ tMs: 1200, code: 'ease-off' }],
        sideSwitches: [{ tMs: 3100, side: 'right' }],
        perSecond: [
          { tMs: 0, usable: 1, frames: 10, metrics: { torsoRotationDeg: 12.5, trunkLeanDeg: 3 } },
          { tMs: 1000, usable: 0.5, frames: 10, metrics: {} },
          { tMs: 2000, usable: 1, frames: 10, metrics: { torsoRotationDeg: 31 } },
          { tMs: 3000, usable: 1, frames: 10, metrics: { torsoRotationDeg: -4.25 } },
        ],
        pain: { after: { id: 'pain-2', level: 1, atMs: T0 + 3 * 86_400_000 + 60_000 } },
      },
    },
  );
  return data;
}
