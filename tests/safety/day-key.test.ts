import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, isDayKey, toDayKey } from '../../src/safety/day-key.ts';

describe('day keys', () => {
  it('toDayKey is the local calendar day', () => {
    expect(toDayKey(new Date(2026, 2, 10, 0, 0, 1).getTime())).toBe('2026-03-10');
    expect(toDayKey(new Date(2026, 2, 10, 23, 59, 59).getTime())).toBe('2026-03-10');
    expect(toDayKey(new Date(2026, 0, 5, 12).getTime())).toBe('2026-01-05');
  });

  it.each([
    ['2026-03-10', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-10', false],
    ['', false],
  ])('isDayKey(%j) = %s', (key, want) => {
    expect(isDayKey(key)).toBe(want);
  });

  it.each([
    ['2026-03-10', 1, '2026-03-11'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 1, '2026-03-30'], // a DST change in Europe does not matter: calendar arithmetic
  ])('addDays(%s, %d) = %s', (key, n, want) => {
    expect(addDays(key, n)).toBe(want);
  });

  it('daysBetween and dayNumber', () => {
    expect(daysBetween('2026-02-24', '2026-03-10')).toBe(14);
    expect(daysBetween('2026-03-10', '2026-03-09')).toBe(-1);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(() => dayNumber('tomorrow')).toThrow(/not a day key; expected YYYY-MM-DD/);
  });
});
