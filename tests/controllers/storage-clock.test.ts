import { describe, expect, it } from 'vitest';
import { parseNowParam } from '../../src/controllers/storage-clock.ts';

describe('parseNowParam range', () => {
  it.each<[string, number | undefined]>([
    // Numbers a Date can hold but no ISO day can name: every dated view would throw on them.
    ['?now=99999999999999999999', undefined],
    ['?now=8640000000000000', undefined],
    ['?now=+275760-09-13T00:00:00Z', undefined],
    ['?now=1969-12-31T23:59:59Z', undefined],
    ['?now=9999-12-31T23:59:59Z', Date.UTC(9999, 11, 31, 23, 59, 59)],
    ['?now=0', 0],
  ])('%j → %s', (search, want) => {
    expect(parseNowParam(search)).toBe(want);
    if (want !== undefined) expect(() => new Date(want).toISOString()).not.toThrow();
  });
});
