import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExport, exportFileName, holdsCsvFileName } from '../../src/session/export-data.ts';
import { EXPORT_VERSION } from '../../src/session/export-schema.ts';
import { emptyData } from '../../src/session/storage-schema.ts';
import { sampleData } from './sample-data.ts';

const GOLDEN = new URL('./golden/export-v2.json', import.meta.url);
const SETTINGS = {
  voice: { enabled: false, voiceURI: '', rate: 1 },
  holdTargetS: 25,
  engine: 'mediapipe/lite',
  backend: '',
  mirror: true,
};

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
    expect(file.version).toBe(EXPORT_VERSION);
    expect(file.exportedAt).toBe('2026-03-10T12:00:00.000Z');
    expect(file.pain).toHaveLength(1);
    expect(file).not.toHaveProperty('settings');
    expect(Object.keys(file)).toEqual(
      expect.arrayContaining(['screenings', 'daily-checks', 'clearances', 'pain', 'sessions']),
    );
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });

  it('writes version 2: sessions are SessionReports', () => {
    const file = buildExport(sampleData(), 0);
    expect(file.version).toBe(2);
    expect(file.sessions.map((s) => s.report.format)).toEqual(
      Array(4).fill('spinewise-session-report/1'),
    );
  });

  it('matches the golden file (docs/export-format.md describes it)', () => {
    // Compared as JSON: the committed file is laid out by the formatter.
    const file = JSON.parse(
      JSON.stringify(buildExport(sampleData(), Date.UTC(2026, 2, 10, 12), SETTINGS)),
    );
    expect(file).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('names the files after the day', () => {
    expect(exportFileName('2026-03-10')).toBe('spinewise-2026-03-10.json');
    expect(holdsCsvFileName('2026-03-10')).toBe('spinewise-holds-2026-03-10.csv');
  });
});
