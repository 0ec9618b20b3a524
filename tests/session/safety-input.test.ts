import { describe, expect, it } from 'vitest';
import { allNo } from '../../src/safety/screening-questions.ts';
import { safetyInputFrom } from '../../src/session/safety-input.ts';
import { migrateSessionV1 } from '../../src/session/session-v1.ts';
import { emptyData } from '../../src/session/storage-schema.ts';

describe('safetyInputFrom', () => {
  const data = emptyData();
  const old = { ...allNo(), fever: true };
  const latest = { ...allNo(), numbness: true };
  data.screenings.push(
    { id: 'a', atMs: 1, day: '2026-03-01', answers: old, decision: 'urgent', fired: ['fever'] },
    {
      id: 'b',
      atMs: 2,
      day: '2026-03-05',
      answers: latest,
      decision: 'see-professional',
      fired: ['numbness'],
    },
  );
  const started = new Date(2026, 2, 10, 8).getTime();
  data.sessions.push(
    migrateSessionV1({
      id: 's',
      exercise: 'childs-pose',
      startedMs: started,
      holds: [],
      forcingCount: 0,
      stoppedFor: 'sharp-pain',
    }),
  );

  it('takes the latest screening, and each session’s local day and stop reason', () => {
    expect(safetyInputFrom(data, '2026-03-10')).toEqual({
      screening: { answers: latest, day: '2026-03-05' },
      clearances: [],
      painEntries: [],
      sessions: [{ day: '2026-03-10', stoppedFor: 'sharp-pain' }],
      today: '2026-03-10',
    });
  });

  it('answers just given replace the stored ones, dated today', () => {
    const now = allNo();
    expect(safetyInputFrom(data, '2026-03-10', now).screening).toEqual({
      answers: now,
      day: '2026-03-10',
    });
  });

  it('no screening stored, none given: no screening', () => {
    expect(safetyInputFrom(emptyData(), '2026-03-10').screening).toBeUndefined();
  });
});
