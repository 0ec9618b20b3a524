/**
 * The app's one door to local storage: opens the database once, keeps an
 * in-memory copy of everything for the views, saves new records, and never
 * drops what the person entered. A record that cannot be saved (storage
 * full, unavailable, closed) stays in memory, in `pending`, is shown like
 * any other, is part of the export, and is written by `retry()`.
 * Lifetime: one per page (`sharedStorage()`); `close()` releases the database.
 */

import { toDayKey } from '../safety/day-key.ts';
import { buildExport, exportFileName } from '../session/export-data.ts';
import { LocalStore, type LocalStoreOptions } from '../session/local-store.ts';
import type { StorageError } from '../session/storage-error.ts';
import {
  emptyData,
  type SpinewiseDbSchema,
  type StoredData,
  type StoreName,
  TIME_INDEX,
} from '../session/storage-schema.ts';
import { appNow } from './storage-clock.ts';

export type StorageStatus = 'opening' | 'ready' | 'unavailable';

type RecordOf<S extends StoreName> = SpinewiseDbSchema[S]['value'];

interface Pending<S extends StoreName = StoreName> {
  store: S;
  record: RecordOf<S>;
}

export class StorageService extends EventTarget {
  status: StorageStatus = 'opening';
  /** The last problem, in words (what happened, what to do); cleared by a successful save. */
  error: StorageError | undefined;
  /** Everything known, saved or not, oldest first per store. */
  readonly data: StoredData = emptyData();
  /** Records entered but not yet saved. */
  readonly pending: Pending[] = [];
  private store: LocalStore | undefined;
  private readonly ready: Promise<void>;

  constructor(private readonly options: LocalStoreOptions = {}) {
    super();
    this.ready = this.open();
  }

  /** Resolves once the database is open (or known to be unavailable). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private async open(): Promise<void> {
    try {
      this.store = await LocalStore.open({
        ...this.options,
        onBlocked: (e) => this.fail(e),
        onClosed: (e) => {
          this.store = undefined;
          this.status = 'unavailable';
          this.fail(e);
        },
      });
      const saved = await this.store.readAll();
      for (const s of Object.keys(saved) as StoreName[]) {
        (this.data[s] as unknown[]) = [...saved[s], ...(this.data[s] as unknown[])];
      }
      this.status = 'ready';
      this.error = undefined;
    } catch (error) {
      this.status = 'unavailable';
      this.fail(error as StorageError);
    }
    this.changed();
  }

  /**
   * Keeps `record` and saves it. Resolves true when it is on disk, false when
   * it is kept in memory only (then `error` says why and what to do).
   */
  async save<S extends StoreName>(store: S, record: RecordOf<S>): Promise<boolean> {
    this.remember(store, record);
    this.pending.push({ store, record } as Pending);
    this.changed();
    await this.ready;
    return this.flush();
  }

  /**
   * Re-reads the database, e.g. to see sessions the live coach wrote through
   * its own connection. Records still pending stay in the copy.
   */
  async refresh(): Promise<void> {
    await this.ready;
    if (!this.store) return;
    try {
      const saved = await this.store.readAll();
      for (const s of Object.keys(saved) as StoreName[]) {
        (this.data[s] as unknown[]) = saved[s];
        for (const p of this.pending)
          if (p.store === s) this.remember(s, p.record as RecordOf<typeof s>);
      }
    } catch (error) {
      this.fail(error as StorageError);
    }
    this.changed();
  }

  /** Tries again to write everything pending. */
  retry(): Promise<boolean> {
    return this.flush();
  }

  private async flush(): Promise<boolean> {
    if (!this.store) {
      this.changed();
      return this.pending.length === 0;
    }
    try {
      while (this.pending.length > 0) {
        const next = this.pending[0]!;
        await this.store.put(next.store, next.record as never);
        this.pending.shift();
      }
      this.error = undefined;
      return true;
    } catch (error) {
      this.fail(error as StorageError);
      return false;
    } finally {
      this.changed();
    }
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

  /** The export file as text: everything known, saved or still pending. */
  exportJson(nowMs = appNow()): string {
    return JSON.stringify(buildExport(this.data, nowMs), null, 2);
  }

  /** Saves the export as a file download. A blob URL on this page: nothing leaves the device. */
  downloadExport(nowMs = appNow()): void {
    const blob = new Blob([this.exportJson(nowMs)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(toDayKey(nowMs));
    a.click();
    // Give the download a moment to start before the URL is freed.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  close(): void {
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

let shared: StorageService | undefined;

/** The page's storage service, opened on first use. */
export function sharedStorage(): StorageService {
  shared ??= new StorageService();
  return shared;
}
