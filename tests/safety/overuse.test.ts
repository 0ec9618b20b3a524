import { describe, expect, it } from 'vitest';
import {
  countRounds,
  DEFAULT_OVERUSE,
  evaluateOveruse,
  type SessionTally,
} from '../../src/safety/overuse.ts';
import { overuseText } from '../../src/safety/overuse-texts.ts';

const TODAY = '2026-03-10';
const s = (day: string, forcingCount = 0): SessionTally => ({ day, forcingCount });

describe('evaluateOveruse', () => {
  it.each<[string, SessionTally[], { kind: string; count: number }[]]>([
    ['no sessions', [], []],
    ['two today', [s(TODAY), s(TODAY)], []],
    ['three today', [s(TODAY), s(TODAY), s(TODAY)], [{ kind: 'many-sessions', count: 3 }]],
    ['three yesterday do not count today', [s('2026-03-09'), s('2026-03-09'), s('2026-03-09')], []],
    ['forcing twice today', [s(TODAY, 2)], []],
    [
      'forcing three times today',
      [s(TODAY, 1), s(TODAY, 2)],
      [{ kind: 'repeated-forcing', count: 3 }],
    ],
    [
      'forcing on three days this week',
      [s('2026-03-04', 1), s('2026-03-07', 1), s(TODAY, 1)],
      [{ kind: 'repeated-forcing', count: 3 }],
    ],
    [
      'forcing on three days, one outside the week',
      [s('2026-03-03', 1), s('2026-03-07', 1), s(TODAY, 1)],
      [],
    ],
    [
      'both',
      [s(TODAY, 1), s(TODAY, 1), s(TODAY, 1)],
      [
        { kind: 'many-sessions', count: 3 },
        { kind: 'repeated-forcing', count: 3 },
      ],
    ],
  ])('%s', (_, sessions, want) => {
    expect(evaluateOveruse(sessions, TODAY)).toEqual(want);
  });
});

describe('overuseText', () => {
  it.each(['many-sessions', 'repeated-forcing'] as const)(
    '%s says chasing the pop can overstretch the ligaments',
    (kind) => {
      const t = overuseText({ kind, count: 4 });
      expect(t.body).toMatch(/ligaments/);
      expect(`${t.title} ${t.body}`).toContain('4');
    },
  );
});

describe('rounds, not stretches', () => {
  const M = 60_000;
  const at0 = new Date(2026, 2, 10, 8).getTime();
  /** A stretch of `mins` minutes starting `startMin` minutes after 8:00. */
  const t = (exercise: SessionTally['exercise'], startMin: number, mins = 4, forcingCount = 0) => ({
    day: TODAY,
    forcingCount,
    exercise,
    startedMs: at0 + startMin * M,
    endedMs: at0 + (startMin + mins) * M,
  });
  /** The routine: roller, twist, child's pose, 30 s rests, starting `startMin` after 8:00. */
  const routine = (startMin: number, forcing = 0): SessionTally[] => [
    t('foam-roller', startMin, 4),
    t('seated-twist', startMin + 4.5, 4, forcing),
    t('childs-pose', startMin + 9, 3),
  ];

  it('the routine done once is one round: no "3 sessions today" note', () => {
    expect(countRounds(routine(0), DEFAULT_OVERUSE.roundGapMs)).toBe(1);
    expect(evaluateOveruse(routine(0), TODAY)).toEqual([]);
  });

  it('the routine three times today is three rounds', () => {
    const three = [...routine(0), ...routine(3 * 60), ...routine(6 * 60)];
    expect(evaluateOveruse(three, TODAY)).toEqual([{ kind: 'many-sessions', count: 3 }]);
  });

  it('the same stretch straight again starts a new round; a long gap does too', () => {
    expect(countRounds([t('foam-roller', 0), t('foam-roller', 5)], 10 * M)).toBe(2);
    expect(countRounds([t('foam-roller', 0), t('seated-twist', 4 + 11)], 10 * M)).toBe(2);
    expect(countRounds([t('foam-roller', 0), t('seated-twist', 4 + 9)], 10 * M)).toBe(1);
  });

  it('forcing still counts per stretch, summed over the day', () => {
    const withForcing = [...routine(0, 2), t('seated-twist', 120, 4, 1)];
    expect(evaluateOveruse(withForcing, TODAY)).toEqual([{ kind: 'repeated-forcing', count: 3 }]);
  });

  it('sessions without times count one round each (as before)', () => {
    expect(countRounds([s(TODAY), s(TODAY), t('childs-pose', 0)], 10 * M)).toBe(3);
  });
});
