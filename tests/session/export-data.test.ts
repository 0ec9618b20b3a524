import { describe, expect, it } from 'vitest';
import { buildExport, exportFileName } from '../../src/session/export-data.ts';
import { emptyData, STORAGE_VERSION } from '../../src/session/storage-schema.ts';

describe('buildExport', () => {
  it('tags the format, version and time, and carries every store', () => {
    const data = emptyData();
    data.pain.push({
      id: 'p',
      atMs: 1,
      day: '2026-03-10',
      level: 3,
      locations: ['neck'],
      context: 'no-session',
    });
    const file = buildExport(data, Date.UTC(2026, 2, 10, 12));
    expect(file.format).toBe('spinewise-export');
    expect(file.version).toBe(STORAGE_VERSION);
    expect(file.exportedAt).toBe('2026-03-10T12:00:00.000Z');
    expect(file.pain).toHaveLength(1);
    expect(Object.keys(file)).toEqual(
      expect.arrayContaining(['screenings', 'daily-checks', 'clearances', 'pain', 'sessions']),
    );
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });

  it('names the file after the day', () => {
    expect(exportFileName('2026-03-10')).toBe('spinewise-2026-03-10.json');
  });
});
