import { describe, expect, it } from 'vitest';
import { rescreenReason } from '../../src/safety/rescreen.ts';

describe('rescreenReason', () => {
  it.each<[string | undefined, string, boolean, string | null]>([
    [undefined, '2026-03-10', false, 'first-time'],
    [undefined, '2026-03-10', true, 'first-time'],
    ['2026-03-10', '2026-03-10', false, null],
    ['2026-03-10', '2026-03-10', true, 'new-symptoms'],
    ['2026-02-25', '2026-03-10', false, null], // 13 days
    ['2026-02-24', '2026-03-10', false, 'out-of-date'], // 14 days
    ['2025-12-01', '2026-03-10', true, 'new-symptoms'],
  ])('last %s, today %s, new symptoms %s → %s', (last, today, fresh, want) => {
    expect(rescreenReason(last, today, fresh)).toBe(want);
  });

  it('takes the number of days as an argument', () => {
    expect(rescreenReason('2026-03-08', '2026-03-10', false, 2)).toBe('out-of-date');
  });
});
