import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvField, HOLDS_CSV_COLUMNS, holdsCsv } from '../../src/session/holds-csv.ts';
import { sampleData } from './sample-data.ts';

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('holdsCsv', () => {
  it('matches the golden file: a row per hold, a row for a session without holds, CRLF ends', () => {
    const golden = readFileSync(new URL('./golden/holds.csv', import.meta.url), 'utf8');
    expect(holdsCsv(sampleData().sessions, utcDay)).toBe(golden);
  });

  it('has one header row and the hold durations in seconds', () => {
    const lines = holdsCsv(sampleData().sessions, utcDay).trimEnd().split('\r\n');
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
