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
  sessionSchemaV1,
} from './export-schema.ts';
import { toProblem } from './import-data.ts';
import { painAround } from './session-pain.ts';
import { isSessionV1, migrateSessionV1, type SessionRecordV1 } from './session-v1.ts';
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
 * What each record's check found, by store and id, with the row it was
 * found on: a record read again unchanged (equal, field by field) is not
 * checked again (a refresh re-reads everything, and a year of sessions
 * takes long to check). Holds the rows the views hold anyway. One per
 * connection (LocalStore); entries of records gone are dropped on each read.
 */
export class RecordCheckCache {
  private readonly seen = new Map<string, { row: unknown; problem: string | undefined }>();

  /** The first problem of `row` (undefined: it is good), checked only when it changed. */
  problem(store: StoreName, row: unknown, keep: Set<string>): string | undefined {
    const id = idOf(row);
    if (id === undefined) return check(store, row);
    const key = `${store}\u0000${id}`;
    keep.add(key);
    const known = this.seen.get(key);
    if (known && sameData(known.row, row)) return known.problem;
    const problem = check(store, row);
    this.seen.set(key, { row, problem });
    return problem;
  }

  /** Forgets the records not read this time (deleted). */
  prune(keep: Set<string>): void {
    for (const key of this.seen.keys()) if (!keep.has(key)) this.seen.delete(key);
  }

  /** Records whose check is remembered (tests). */
  get size(): number {
    return this.seen.size;
  }
}

/** Whether two values read from IndexedDB hold the same data (plain objects, arrays, primitives). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

const hasReport = (row: unknown) => typeof row === 'object' && row !== null && 'report' in row;

/** The first problem of a stored row, in words; undefined when it matches its schema. */
function check(store: StoreName, row: unknown): string | undefined {
  const result = v.safeParse(RECORD_SCHEMAS[store], row);
  if (result.success) return undefined;
  // A session in the version-1 shape (damaged then, so not migrated): say what was wrong with it then.
  if (store === 'sessions' && (isSessionV1(row) || !hasReport(row))) {
    const old = v.safeParse(sessionSchemaV1, row);
    if (!old.success) return describe(old.issues[0]);
  }
  return describe(result.issues[0]);
}

/**
 * Keeps the records that match their schema, oldest first (by the store's
 * time field), and lists the others. A good record is kept as stored (fields
 * this build does not know stay on it, so saving it again loses nothing).
 * With a cache, a record unchanged since the last check is not checked again.
 * Sessions still in the version-1 shape are returned migrated (session-v1.ts).
 */
export function checkStoredData(raw: RawData, cache?: RecordCheckCache): CheckedData {
  const data = emptyData();
  const skipped: SkippedRecord[] = [];
  const keep = new Set<string>();
  for (const s of STORE_NAMES) {
    const good: Record<string, unknown>[] = [];
    const legacy: SessionRecordV1[] = [];
    for (const row of raw[s]) {
      const problem = cache ? cache.problem(s, row, keep) : check(s, row);
      if (problem === undefined) good.push(row as Record<string, unknown>);
      else if (s === 'sessions' && isSessionV1(row) && v.is(sessionSchemaV1, row)) legacy.push(row);
      else skipped.push({ store: s, id: idOf(row), problem });
    }
    // A good version-1 session in a version-2 database (put there after the upgrade, by hand or
    // by a test) is read as the upgrade would have migrated it; the database copy stays as it is.
    for (const row of legacy) {
      const migrated = migrateSessionV1(row, painAround(row, legacy, data.pain));
      good.push(migrated as unknown as Record<string, unknown>);
    }
    const key = TIME_INDEX[s];
    good.sort((a, b) => (a[key] as number) - (b[key] as number));
    (data[s] as unknown[]) = good;
  }
  cache?.prune(keep);
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
