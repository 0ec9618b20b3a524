/**
 * Every hold of every session as CSV for a spreadsheet (RFC 4180: commas,
 * CRLF line ends, quotes doubled). One row per hold; a session without holds
 * still gets a row so it is not missing from the sheet. Times in UTC
 * (ISO 8601) so the file reads the same anywhere; the day column is the
 * person's local day, as the app shows it. Pure: the local-day function is
 * an argument.
 */
import type { DayKey } from '../safety/day-key.ts';
import type { SessionRecord } from './storage-schema.ts';
import { sessionHolds } from './stored-session.ts';

export const HOLDS_CSV_COLUMNS = [
  'session_id',
  'exercise',
  'day',
  'session_start_utc',
  'session_end_utc',
  'session_finished',
  'stopped_for',
  'hold_number',
  'side',
  'hold_start_utc',
  'hold_end_utc',
  'hold_seconds',
] as const;

/** A field quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  // Spreadsheets run a cell starting with these as a formula (CSV injection).
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function holdsCsv(
  sessions: readonly SessionRecord[],
  localDay: (ms: number) => DayKey,
): string {
  const rows: (string | number | undefined)[][] = [[...HOLDS_CSV_COLUMNS]];
  for (const s of sessions) {
    const base = [
      s.id,
      s.exercise,
      localDay(s.startedMs),
      iso(s.startedMs),
      iso(s.endedMs),
      s.endedMs === undefined ? 'no' : 'yes',
      s.stoppedFor,
    ];
    const holds = sessionHolds(s);
    if (holds.length === 0)
      rows.push([...base, undefined, undefined, undefined, undefined, undefined]);
    for (const [i, h] of holds.entries()) {
      const seconds = ((h.endMs - h.startMs) / 1000).toFixed(1);
      rows.push([...base, i + 1, h.side, iso(h.startMs), iso(h.endMs), seconds]);
    }
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
