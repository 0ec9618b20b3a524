/**
 * The app's one door to local storage: opens the database once, keeps an
 * in-memory copy of everything for the views, saves new records, and never
 * drops what the person entered. A record that cannot be saved (storage
 * full, unavailable, closed) stays in memory, in `pending`, is shown like
 * any other, is part of the export, and is written by the next retry: by
 * itself after a short wait, on `retry()` ("Try again"), and when the page
 * is hidden or closed (`pagehide`). The live coach's recorder writes through
 * it too, so views and the export see a session the moment it changes.
 * Lifetime: one per page (`sharedStorage()`); `close()` releases the database.
 */

import { toDayKey } from '../safety/day-key.ts';
import { buildExport, exportFileName, holdsCsvFileName } from '../session/export-data.ts';
import { holdsCsv } from '../session/holds-csv.ts';
import { type ImportPlan, planImport } from '../session/import-data.ts';
import { LocalStore, type LocalStoreOptions } from '../session/local-store.ts';
import { painAround, samePain } from '../session/session-pain.ts';
import { type StorageError, storageError, toStorageError } from '../session/storage-error.ts';
import {
  emptyData,
  type SessionRecord,
  type SpinewiseDbSchema,
  STORE_NAMES,
  type StoredData,
  type StoreName,
  TIME_INDEX,
} from '../session/storage-schema.ts';
import type { CheckedData, SkippedRecord } from '../session/stored-record-check.ts';
import { appNow } from './storage-clock.ts';

export type StorageStatus = 'opening' | 'ready' | 'unavailable';

type RecordOf<S extends StoreName> = SpinewiseDbSchema[S]['value'];

interface Pending<S extends StoreName = StoreName> {
  store: S;
  record: RecordOf<S>;
}

/**
 * Waits before each automatic retry after a failed save, ms; the last one
 * repeats. A full disk or a dropped connection seldom clears within a
 * second, and a retry costs one small write, so: soon at first, then every
 * 30 s while anything is unsaved.
 */
export const RETRY_DELAYS_MS = [2000, 5000, 15_000, 30_000] as const;

export interface StorageServiceOptions extends LocalStoreOptions {
  /** Override RETRY_DELAYS_MS (tests); an empty list turns automatic retries off. */
  retryDelaysMs?: readonly number[];
}

export class StorageService extends EventTarget {
  status: StorageStatus = 'opening';
  /** The last problem, in words (what happened, what to do); cleared by a successful save. */
  error: StorageError | undefined;
  /** Everything known, saved or not, oldest first per store. */
  readonly data: StoredData = emptyData();
  /** Records entered but not yet saved (at most one per record: the newest state). */
  readonly pending: Pending[] = [];
  /**
   * Records in the database that failed their schema when read: left out of
   * `data` (so no view meets a shape it cannot draw), left in the database
   * untouched, and reported by <sw-storage-status>.
   */
  skipped: readonly SkippedRecord[] = [];
  /** Sessions the live coach is recording on this page right now (the others without an end are unfinished). */
  readonly recording = new Set<string>();
  private store: LocalStore | undefined;
  private readonly ready: Promise<void>;
  /** Flushes run one after another, so an older state of a record never lands after a newer one. */
  private flushes: Promise<boolean> = Promise.resolve(true);
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private readonly retryDelaysMs: readonly number[];
  private readonly onPageHide = () => void this.flush();

  constructor(private readonly options: StorageServiceOptions = {}) {
    super();
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.ready = this.open();
    // The last chance to write what is pending before the tab goes away.
    globalThis.addEventListener?.('pagehide', this.onPageHide);
  }

  /** Resolves once the database is open (or known to be unavailable). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private async open(): Promise<void> {
    try {
      this.store = await this.connect();
      this.adopt(await this.store.readAll());
      this.status = 'ready';
      this.error = undefined;
    } catch (error) {
      this.status = 'unavailable';
      this.fail(toStorageError(error));
    }
    this.changed();
  }

  private connect(): Promise<LocalStore> {
    return LocalStore.open({
      ...this.options,
      onBlocked: (e) => this.fail(e),
      onClosed: (e) => {
        this.store = undefined;
        this.status = 'unavailable';
        this.fail(e);
      },
    });
  }

  /**
   * Keeps `record` and saves it. Resolves true when it is on disk, false when
   * it is kept in memory only (then `error` says why and what to do, and it
   * is retried). Saving the same id again replaces the pending copy.
   */
  async save<S extends StoreName>(store: S, record: RecordOf<S>): Promise<boolean> {
    this.remember(store, record);
    // A new state of a record read back as damaged replaces it: it is no longer skipped.
    if (this.skipped.some((k) => k.store === store && k.id === record.id))
      this.skipped = this.skipped.filter((k) => !(k.store === store && k.id === record.id));
    const at = this.pending.findIndex((p) => p.store === store && p.record.id === record.id);
    const entry = { store, record } as Pending;
    if (at >= 0) this.pending[at] = entry;
    else this.pending.push(entry);
    this.changed();
    // A pain entry logged before or after a session is linked into that session's report.
    if (store === 'pain') for (const s of this.relinkedSessions()) void this.save('sessions', s);
    await this.ready;
    return this.flush();
  }

  /** Sessions whose pain before/after (session-pain.ts) is not what their report says, with it mended. */
  private relinkedSessions(): SessionRecord[] {
    const sessions = this.data.sessions;
    const out: SessionRecord[] = [];
    for (const s of sessions) {
      const pain = painAround(s, sessions, this.data.pain);
      if (samePain(pain, s.report.pain)) continue;
      const { pain: _old, ...report } = s.report;
      out.push({ ...s, report: pain.before || pain.after ? { ...report, pain } : report });
    }
    return out;
  }

  /** The database's records become the copy; records still pending stay in it (they are newer). */
  private adopt({ data: saved, skipped }: CheckedData): void {
    this.skipped = skipped;
    for (const s of STORE_NAMES) {
      (this.data[s] as unknown[]) = saved[s];
      for (const p of this.pending)
        if (p.store === s) this.remember(s, p.record as RecordOf<typeof s>);
    }
  }

  /**
   * Re-reads the database (e.g. after another tab wrote). Records still
   * pending stay in the copy. Only records changed since the last read are
   * checked against their schema again.
   */
  async refresh(): Promise<void> {
    await this.ready;
    if (!this.store) return;
    try {
      this.adopt(await this.store.readAll());
    } catch (error) {
      this.fail(toStorageError(error));
    }
    this.changed();
  }

  /** Tries again to write everything pending ("Try again"); reopens the database if it was closed. */
  retry(): Promise<boolean> {
    return this.flush();
  }

  private flush(): Promise<boolean> {
    this.flushes = this.flushes.then(() => this.flushOnce());
    return this.flushes;
  }

  private async flushOnce(): Promise<boolean> {
    await this.ready; // never a second connection beside the first one opening
    if (this.pending.length === 0) return true;
    try {
      this.store ??= await this.reconnect();
      while (this.pending.length > 0) {
        const next = this.pending[0]!;
        await this.store.put(next.store, next.record as never);
        // A newer state saved meanwhile replaced `next` in the list: that one is written next.
        const at = this.pending.indexOf(next);
        if (at >= 0) this.pending.splice(at, 1);
      }
      this.error = undefined;
      this.retries = 0;
      this.clearRetry();
      return true;
    } catch (error) {
      const e = toStorageError(error);
      if (e.kind === 'closed') {
        // The connection is gone (the browser dropped it): the next try opens a new one.
        this.store?.close();
        this.store = undefined;
        this.status = 'unavailable';
      }
      this.fail(e);
      this.scheduleRetry();
      return false;
    } finally {
      this.changed();
    }
  }

  /** Opens the database again after it was closed or would not open; rejects with the reason. */
  private async reconnect(): Promise<LocalStore> {
    if (!(globalThis.indexedDB as IDBFactory | undefined)) throw storageError('unavailable');
    const store = await this.connect();
    // Anything saved that this page has not seen (the first open failed) joins the copy; ours is newer.
    const { data: saved, skipped } = await store.readAll();
    this.skipped = skipped;
    for (const s of STORE_NAMES) {
      const known = new Set((this.data[s] as { id: string }[]).map((r) => r.id));
      for (const r of saved[s]) if (!known.has(r.id)) this.remember(s, r as RecordOf<typeof s>);
    }
    this.status = 'ready';
    return store;
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== undefined || this.retryDelaysMs.length === 0) return;
    // Without IndexedDB at all there is nothing to wait for.
    if (!(globalThis.indexedDB as IDBFactory | undefined)) return;
    const delays = this.retryDelaysMs;
    const wait = delays[Math.min(this.retries, delays.length - 1)]!;
    this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, wait);
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /**
   * Adds the records of an import that are not here yet (by id), all in one
   * transaction: either all of them land or nothing changes. Rejects with a
   * StorageError when storage is not working (then nothing changed either).
   */
  async importRecords(incoming: StoredData): Promise<ImportPlan> {
    await this.ready;
    const plan = planImport(incoming, this.data);
    try {
      this.store ??= await this.reconnect();
      await this.store.putMany(plan.add);
    } catch (error) {
      throw toStorageError(error);
    }
    for (const s of STORE_NAMES)
      for (const r of plan.add[s]) this.remember(s, r as RecordOf<typeof s>);
    // An imported record with a skipped one's id replaced it in the database: that one is mended.
    this.skipped = this.skipped.filter(
      (k) => !(plan.add[k.store] as { id: string }[]).some((r) => r.id === k.id),
    );
    this.changed();
    return plan;
  }

  /**
   * Deletes every record from this browser, saved or pending, in one
   * transaction. Rejects with a StorageError when the database could not be
   * emptied (then nothing was deleted).
   */
  async deleteAll(): Promise<void> {
    await this.ready;
    // Nothing pending may land after the wipe: take it out, and let a flush in progress finish first.
    const unsaved = this.pending.splice(0);
    await this.flushes;
    try {
      if (globalThis.indexedDB as IDBFactory | undefined) {
        this.store ??= await this.reconnect();
        await this.store.clearAll();
      }
    } catch (error) {
      this.pending.unshift(...unsaved);
      throw toStorageError(error);
    }
    for (const s of STORE_NAMES) (this.data[s] as unknown[]) = [];
    this.skipped = [];
    this.error = undefined;
    this.retries = 0;
    this.clearRetry();
    this.changed();
  }

  /** Adds or replaces (same id) a record in the in-memory copy, keeping time order. */
  private remember<S extends StoreName>(store: S, record: RecordOf<S>): void {
    const list = this.data[store] as unknown as Record<string, unknown>[];
    const row = record as unknown as Record<string, unknown>;
    const key = TIME_INDEX[store];
    const at = list.findIndex((r) => r.id === row.id);
    if (at >= 0) list.splice(at, 1);
    const after = list.findIndex((r) => (r[key] as number) > (row[key] as number));
    list.splice(after < 0 ? list.length : after, 0, row);
  }

  /** The export file as text: everything known, saved or still pending, and the given settings. */
  exportJson(nowMs = appNow(), settings?: Parameters<typeof buildExport>[2]): string {
    return JSON.stringify(buildExport(this.data, nowMs, settings), null, 2);
  }

  /** Saves the export as a file download. A blob URL on this page: nothing leaves the device. */
  downloadExport(nowMs = appNow(), settings?: Parameters<typeof buildExport>[2]): void {
    download(this.exportJson(nowMs, settings), 'application/json', exportFileName(toDayKey(nowMs)));
  }

  /** Every hold as CSV, as a file download. */
  downloadHoldsCsv(nowMs = appNow()): void {
    download(holdsCsv(this.data.sessions, toDayKey), 'text/csv', holdsCsvFileName(toDayKey(nowMs)));
  }

  close(): void {
    this.clearRetry();
    globalThis.removeEventListener?.('pagehide', this.onPageHide);
    this.store?.close();
    this.store = undefined;
  }

  private fail(error: StorageError): void {
    this.error = error;
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

function download(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Give the download a moment to start before the URL is freed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

let shared: StorageService | undefined;

/** The page's storage service, opened on first use. */
export function sharedStorage(): StorageService {
  shared ??= new StorageService();
  return shared;
}
