/** A small, fixed set of stored records of every kind, for the export, import and CSV tests. */
import { allNo } from '../../src/safety/screening-questions.ts';
import { emptyData, type StoredData } from '../../src/session/storage-schema.ts';

const T0 = Date.UTC(2026, 2, 8, 9, 0, 0);

export function sampleData(): StoredData {
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
  data.sessions.push(
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
  return data;
}
