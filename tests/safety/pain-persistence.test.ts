import { describe, expect, it } from 'vitest';
import { dailyPain } from '../../src/safety/daily-pain.ts';
import type { PainEntry, PainLocation } from '../../src/safety/pain-entry.ts';
import { evaluatePainLog, slope } from '../../src/safety/pain-persistence.ts';

const TODAY = '2026-03-10';
let n = 0;
function e(day: string, level: number, locations: PainLocation[] = ['upper-back']): PainEntry {
  n++;
  return { id: `e${n}`, atMs: n, day, level, locations, context: 'no-session' };
}
/** Daily levels ending today: [level 4 days ago, …, today]; undefined = nothing logged. */
function week(levels: (number | undefined)[]): PainEntry[] {
  const days = ['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10'];
  const offset = days.length - levels.length;
  return levels.flatMap((l, i) => (l === undefined ? [] : [e(days[i + offset]!, l)]));
}

describe('slope', () => {
  it.each([
    [[], 0],
    [[{ x: 0, y: 3 }], 0],
    [
      [
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 2, y: 3 },
      ],
      1,
    ],
    [
      [
        { x: 0, y: 4 },
        { x: 2, y: 0 },
      ],
      -2,
    ],
    [
      [
        { x: 0, y: 2 },
        { x: 0, y: 4 },
      ],
      0,
    ],
  ])('%j → %d', (points, want) => {
    expect(slope(points)).toBeCloseTo(want, 9);
  });
});

describe('dailyPain', () => {
  it('takes the worst level of each day, oldest day first', () => {
    expect(
      dailyPain([e('2026-03-09', 2), e('2026-03-08', 5), e('2026-03-09', 6), e('2026-03-09', 1)]),
    ).toEqual([
      { day: '2026-03-08', worst: 5, count: 1 },
      { day: '2026-03-09', worst: 6, count: 3 },
    ]);
  });
});

describe('evaluatePainLog', () => {
  it.each<[string, (number | undefined)[], string[]]>([
    ['nothing logged', [], []],
    ['low and steady', [2, 2, 2, 2, 2], []],
    ['easing off', [6, 5, 4, 3, 2], []],
    ['steady at 4: not improving', [4, 4, 4], ['log-pain-not-improving']],
    ['5 → 4 over five days: not enough improvement', [5, 5, 4, 5, 4], ['log-pain-not-improving']],
    ['5 → 3: improving by 2 points is enough', [5, 4, 4, 3], []],
    ['only two days logged: too little to judge', [4, undefined, undefined, 4], []],
    ['one day under the persistent level breaks "not improving"', [4, 2, 4], []],
    ['rising 2 → 6', [2, 3, 5, 6], ['log-pain-rising']],
    ['rising with gaps', [1, undefined, 3, undefined, 5], ['log-pain-rising']],
    ['up 1 then flat: slope under half a point', [3, 4, 4, 4, 4], ['log-pain-not-improving']],
    ['a severe day today', [2, 7], ['log-pain-severe']],
    ['severe 3 days ago is outside "recent"', [8, 1, 1, 1, 1], []],
    ['severe two days ago counts', [undefined, undefined, 7, 2, 2], ['log-pain-severe']],
    ['severe and rising', [2, 4, 5, 7], ['log-pain-severe', 'log-pain-rising']],
  ])('%s', (_, levels, want) => {
    expect(evaluatePainLog(week(levels), TODAY).map((f) => f.id)).toEqual(want);
  });

  it('pain in the arms or hands in the recent days', () => {
    const f = evaluatePainLog([e('2026-03-09', 3, ['neck', 'arms-or-hands'])], TODAY);
    expect(f).toEqual([{ id: 'log-pain-into-arms', days: ['2026-03-09'] }]);
    // A 0 ticked with that place is not pain.
    expect(evaluatePainLog([e('2026-03-09', 0, ['arms-or-hands'])], TODAY)).toEqual([]);
  });

  it('reports the days behind a trend', () => {
    const f = evaluatePainLog(week([2, 3, 5, 6]), TODAY);
    expect(f[0]?.days).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
  });

  it('ignores entries logged before sinceMs (a clearance) and entries dated in the future', () => {
    const entries = week([2, 3, 5, 6]);
    expect(evaluatePainLog(entries, TODAY, entries[1]!.atMs)).toEqual([]);
    expect(evaluatePainLog([e('2026-03-11', 9)], TODAY)).toEqual([]);
  });

  it('entries older than the window are not part of the trend', () => {
    const old = [e('2026-03-01', 1), e('2026-03-02', 3), e('2026-03-03', 6)];
    expect(evaluatePainLog(old, TODAY)).toEqual([]);
  });
});
