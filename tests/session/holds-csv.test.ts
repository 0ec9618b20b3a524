import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvField, HOLDS_CSV_COLUMNS, holdsCsv } from '../../src/session/holds-csv.ts';
import { sampleData } from './sample-data.ts';

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The sessions migrated from version 1: the golden file was written from them by version 1. */
const migrated = () => sampleData().sessions.filter((s) => s.migratedFrom === 1);

describe('holdsCsv', () => {
  it('matches the golden file: a row per hold, a row for a session without holds, CRLF ends', () => {
    // Written by version 1 from the same sessions: the migration kept every hold's times.
    const golden = readFileSync(new URL('./golden/holds.csv', import.meta.url), 'utf8');
    expect(holdsCsv(migrated(), utcDay)).toBe(golden);
  });

  it('dates the holds of a version-2 session from its start (report times count from it)', () => {
    const d = sampleData().sessions.find((s) => s.id === 'session-d')!;
    const [, row] = holdsCsv([d], utcDay).trimEnd().split('\r\n');
    // Started 2026-03-11T09:00:00Z; its hold ran 0.5 to 3.0 s into it.
    expect(row).toBe(
      'session-d,seated-twist,2026-03-11,2026-03-11T09:00:00.000Z,2026-03-11T09:00:04.000Z,yes,,1,left,2026-03-11T09:00:00.500Z,2026-03-11T09:00:03.000Z,2.5',
    );
  });

  it('has one header row and the hold durations in seconds', () => {
    const lines = holdsCsv(migrated(), utcDay).trimEnd().split('\r\n');
    expect(lines[0]).toBe(HOLDS_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 2 + 1 + 1);
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(['22.5', '20.0', '15.0', '']);
  });

  it('is only a header when there are no sessions', () => {
    expect(holdsCsv([], utcDay)).toBe(`${HOLDS_CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('csvField', () => {
  it.each<[string | number | undefined, string]>([
    [undefined, ''],
    [12.5, '12.5'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
  ])('%j → %s', (value, want) => {
    expect(csvField(value)).toBe(want);
  });
});
