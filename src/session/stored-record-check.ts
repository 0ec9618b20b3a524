/**
 * Checks records read back from IndexedDB against the export schema's record
 * schemas, so a damaged one (written by an older build, a browser bug, a hand
 * edit in DevTools) can never reach a view that trusts its shape. A bad record
 * is skipped, not repaired or deleted: it stays in the database as it is, and
 * the storage status says in words what was skipped and why. Pure.
 */
import * as v from 'valibot';
import {
  clearanceSchema,
  dailyCheckSchema,
  painSchema,
  screeningSchema,
  sessionSchema,
} from './export-schema.ts';
import { toProblem } from './import-data.ts';
import {
  emptyData,
  STORE_NAMES,
  type StoredData,
  type StoreName,
  TIME_INDEX,
} from './storage-schema.ts';

const RECORD_SCHEMAS = {
  screenings: screeningSchema,
  'daily-checks': dailyCheckSchema,
  clearances: clearanceSchema,
  pain: painSchema,
  sessions: sessionSchema,
} as const satisfies Record<StoreName, v.GenericSchema>;

/** One record left out of the views. */
export interface SkippedRecord {
  store: StoreName;
  /** Its id when it has a readable one (the database's key), else undefined. */
  id: string | undefined;
  /** The first problem found, e.g. `holds is missing`. */
  problem: string;
}

export interface CheckedData {
  data: StoredData;
  skipped: SkippedRecord[];
}

/** Raw rows per store, as IndexedDB gave them. */
export type RawData = Record<StoreName, readonly unknown[]>;

/**
 * Keeps the records that match their schema, oldest first (by the store's
 * time field), and lists the others. A good record is kept as stored (fields
 * this build does not know stay on it, so saving it again loses nothing).
 */
export function checkStoredData(raw: RawData): CheckedData {
  const data = emptyData();
  const skipped: SkippedRecord[] = [];
  for (const s of STORE_NAMES) {
    const good: Record<string, unknown>[] = [];
    for (const row of raw[s]) {
      const result = v.safeParse(RECORD_SCHEMAS[s], row);
      if (result.success) good.push(row as Record<string, unknown>);
      else skipped.push({ store: s, id: idOf(row), problem: describe(result.issues[0]) });
    }
    const key = TIME_INDEX[s];
    good.sort((a, b) => (a[key] as number) - (b[key] as number));
    (data[s] as unknown[]) = good;
  }
  return { data, skipped };
}

function idOf(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const id = (row as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function describe(issue: v.BaseIssue<unknown>): string {
  const { path, reason } = toProblem(issue);
  return path === '' ? `the record ${reason}` : `${path} ${reason}`;
}

/** What each store holds, in words a person uses. */
const KIND_WORDS: Record<StoreName, [one: string, many: string]> = {
  screenings: ['safety screening', 'safety screenings'],
  'daily-checks': ['daily check', 'daily checks'],
  clearances: ['clearance', 'clearances'],
  pain: ['pain entry', 'pain entries'],
  sessions: ['session', 'sessions'],
};

/**
 * The storage status line for skipped records: what was left out, that it is
 * still kept, and what to do. Undefined when nothing was skipped.
 */
export function skippedRecordsMessage(skipped: readonly SkippedRecord[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const counts = new Map<StoreName, number>();
  for (const r of skipped) counts.set(r.store, (counts.get(r.store) ?? 0) + 1);
  const parts = [...counts].map(([s, n]) => `${n} ${KIND_WORDS[s][n === 1 ? 0 : 1]}`);
  const what =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  const one = skipped.length === 1;
  return `${what} saved in this browser ${one ? 'is' : 'are'} damaged and ${one ? 'was' : 'were'} skipped; everything else is shown. ${one ? 'It is' : 'They are'} still kept in the browser, unchanged, but not in the export; importing an export that holds a good copy mends ${one ? 'it' : 'them'}, and “Delete all my data” removes ${one ? 'it' : 'them'}.`;
}
