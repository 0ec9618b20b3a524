import { describe, expect, it } from 'vitest';
import { clearanceProblems } from '../../src/safety/clearance.ts';
import { painEntryProblems } from '../../src/safety/pain-entry.ts';

describe('painEntryProblems', () => {
  it.each<[number, string[], string[]]>([
    [0, [], []],
    [4, ['neck'], []],
    [10, ['upper-back'], []],
    [4, [], ['Tick at least one place where it hurts.']],
    [11, ['neck'], ['Choose a pain level from 0 to 10.']],
    [-1, ['neck'], ['Choose a pain level from 0 to 10.']],
    [2.5, ['neck'], ['Choose a pain level from 0 to 10.']],
  ])('level %d at %j', (level, locations, want) => {
    expect(painEntryProblems({ level, locations: locations as never })).toEqual(want);
  });
});

describe('clearanceProblems', () => {
  const ok = { visitDay: '2026-03-09', covers: ['numbness' as const], confirmed: true };
  it.each<[string, Partial<typeof ok>, RegExp | null]>([
    ['complete', {}, null],
    ['visit today', { visitDay: '2026-03-10' }, null],
    ['no date', { visitDay: '' }, /Enter the date of your visit/],
    ['future date', { visitDay: '2026-03-11' }, /in the future/],
    ['too old', { visitDay: '2025-09-01' }, /more than 180 days ago/],
    ['not confirmed', { confirmed: false }, /Tick the box/],
    ['nothing to clear', { covers: [] }, /nothing waiting/],
  ])('%s', (_, change, want) => {
    const problems = clearanceProblems({ ...ok, ...change }, '2026-03-10');
    if (want) expect(problems.join(' ')).toMatch(want);
    else expect(problems).toEqual([]);
  });
});
