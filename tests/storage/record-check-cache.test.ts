/**
 * The read check's memory: a record read again unchanged keeps its verdict,
 * any change (a field, an array item, a key added or dropped) is checked
 * afresh, and records gone are forgotten. `sameData` decides "unchanged".
 * And a good version-1 session found in a version-2 database is read as
 * the upgrade would have migrated it.
 */
import { describe, expect, it } from 'vitest';
import { migrateSessionV1 } from '../../src/session/session-v1.ts';
import {
  checkStoredData,
  type RawData,
  RecordCheckCache,
  sameData,
} from '../../src/session/stored-record-check.ts';
import { sampleData, sampleDataV1 } from '../session/sample-data.ts';

const raw = (over: Partial<RawData> = {}): RawData => ({ ...sampleData(), ...over });

describe('sameData', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['equal objects', { a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    ['a number changed deep inside', { a: [1, { c: 2 }] }, { a: [1, { c: 3 }] }, false],
    ['a key more', { a: 1 }, { a: 1, b: undefined }, false],
    ['a key renamed', { a: 1 }, { b: 1 }, false],
    ['an array longer', [1, 2], [1, 2, 3], false],
    ['array against object', [1], { 0: 1 }, false],
    ['null against object', null, {}, false],
    ['NaN and NaN', Number.NaN, Number.NaN, true],
    ['0 and "0"', 0, '0', false],
  ])('%s', (_name, a, b, want) => {
    expect(sameData(a, b)).toBe(want);
    expect(sameData(b, a)).toBe(want);
  });
});

describe('RecordCheckCache', () => {
  it('gives the same result as checking everything, over reads where records change', () => {
    const cache = new RecordCheckCache();
    const first = checkStoredData(raw(), cache);
    expect(first).toEqual(checkStoredData(raw()));
    expect(first.skipped).toEqual([]);
    expect(cache.size).toBe(9);
    // A copy read again (new objects, same data): the same.
    expect(checkStoredData(structuredClone(raw()), cache)).toEqual(first);
    // One record damaged meanwhile: checked again, and skipped.
    const damaged = structuredClone(raw());
    (damaged.sessions[3] as { report: { holds: { goodMs: unknown }[] } }).report.holds[0]!.goodMs =
      'x';
    const second = checkStoredData(damaged, cache);
    expect(second.skipped.map((s) => [s.id, s.problem])).toEqual([
      ['session-d', 'report.holds[0].goodMs should be number, but is "x"'],
    ]);
    // Mended again, and one pain entry deleted: forgotten.
    const mended = raw({ pain: sampleData().pain.slice(0, 1) });
    expect(checkStoredData(mended, cache).skipped).toEqual([]);
    expect(cache.size).toBe(8);
  });
});

describe('a version-1 session in a version-2 database', () => {
  it('is read as the upgrade migrates it, linked to its pain; a damaged one is still skipped', () => {
    const v1 = sampleDataV1();
    const checked = checkStoredData({
      ...v1,
      sessions: [
        ...v1.sessions,
        { id: 'broken', exercise: 'childs-pose', startedMs: 1, forcingCount: 0 },
      ],
    });
    const pain = checked.data.pain;
    expect(checked.data.sessions).toEqual(
      v1.sessions.map((s) =>
        migrateSessionV1(
          s,
          s.id === 'session-a'
            ? { before: { id: 'pain-1', level: 3, atMs: pain[0]!.atMs } }
            : undefined,
        ),
      ),
    );
    expect(checked.skipped).toEqual([
      { store: 'sessions', id: 'broken', problem: 'holds is missing' },
    ]);
  });
});
