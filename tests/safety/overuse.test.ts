import { describe, expect, it } from 'vitest';
import { evaluateOveruse, type SessionTally } from '../../src/safety/overuse.ts';
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
