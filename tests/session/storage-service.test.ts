/**
 * The storage service where IndexedDB is missing (Node has none): it must
 * say so clearly and lose nothing. The real database is tested in Chromium
 * (tests/browser/safety-storage.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseNowParam } from '../../src/controllers/storage-clock.ts';
import { StorageService } from '../../src/controllers/storage-service.ts';

describe('StorageService without IndexedDB', () => {
  it('reports "unavailable" and keeps what was entered, in order, in memory and in the export', async () => {
    expect(globalThis.indexedDB).toBeUndefined();
    const service = new StorageService();
    let changes = 0;
    service.addEventListener('change', () => changes++);
    await service.whenReady();
    expect(service.status).toBe('unavailable');
    expect(service.error?.kind).toBe('unavailable');

    const later = {
      id: 'b',
      atMs: 20,
      day: '2026-03-10',
      level: 4,
      locations: ['neck' as const],
      context: 'no-session' as const,
    };
    const earlier = { ...later, id: 'a', atMs: 10, level: 2 };
    expect(await service.save('pain', later)).toBe(false);
    expect(await service.save('pain', earlier)).toBe(false);
    expect(service.data.pain.map((p) => p.id)).toEqual(['a', 'b']);
    expect(service.pending).toHaveLength(2);
    expect(JSON.parse(service.exportJson(0)).pain.map((p: { id: string }) => p.id)).toEqual([
      'a',
      'b',
    ]);
    expect(changes).toBeGreaterThan(0);

    // Saving the same id again replaces it rather than duplicating it.
    await service.save('pain', { ...later, level: 5 });
    expect(service.data.pain.map((p) => [p.id, p.level])).toEqual([
      ['a', 2],
      ['b', 5],
    ]);
    expect(await service.retry()).toBe(false);
  });
});

describe('parseNowParam', () => {
  it.each<[string, number | undefined]>([
    ['', undefined],
    ['?now=1700000000000', 1_700_000_000_000],
    ['?now=2026-03-10T09:00:00Z', Date.UTC(2026, 2, 10, 9)],
    ['?now=yesterday', undefined],
  ])('%j → %s', (search, want) => {
    expect(parseNowParam(search)).toBe(want);
  });
});
