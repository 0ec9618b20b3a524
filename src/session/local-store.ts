/**
 * The app's IndexedDB database through `idb`. One connection per holder;
 * `close()` releases it. Every failure arrives as a StorageError whose
 * message says what happened and what to do. Nothing here sends data
 * anywhere: the page's CSP would refuse it anyway.
 */
import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import * as v from 'valibot';
import { painSchema, sessionSchemaV1 } from './export-schema.ts';
import { painAround } from './session-pain.ts';
import { isSessionV1, migrateSessionV1, type SessionRecordV1 } from './session-v1.ts';
import { StorageError, storageError, toStorageError } from './storage-error.ts';
import {
  DEFAULT_DB_NAME,
  type SpinewiseDbSchema,
  STORAGE_VERSION,
  STORE_NAMES,
  type StoredData,
  type StoreName,
} from './storage-schema.ts';
import { type CheckedData, checkStoredData, RecordCheckCache } from './stored-record-check.ts';

export interface LocalStoreOptions {
  /** Database name. Default DEFAULT_DB_NAME. */
  name?: string;
  /** Schema version to open. Default STORAGE_VERSION (tests open higher ones). */
  version?: number;
  /** Another tab with an older version holds the database open; we wait for it. */
  onBlocked?: (error: StorageError) => void;
  /** The connection was closed (another tab upgraded it, or the browser dropped it). */
  onClosed?: (error: StorageError) => void;
}

type Db = IDBPDatabase<SpinewiseDbSchema>;

export class LocalStore {
  /** What the read check found for each record, so an unchanged one is not checked again. */
  private readonly checked = new RecordCheckCache();

  private constructor(private readonly db: Db) {}

  /** Opens (and creates or upgrades) the database. Rejects with a StorageError. */
  static async open(options: LocalStoreOptions = {}): Promise<LocalStore> {
    // Missing in some private modes and when site storage is switched off.
    if (!(globalThis.indexedDB as IDBFactory | undefined)) throw storageError('unavailable');
    const name = options.name ?? DEFAULT_DB_NAME;
    const version = options.version ?? STORAGE_VERSION;
    let store: LocalStore | undefined;
    try {
      const db = await openDB<SpinewiseDbSchema>(name, version, {
        upgrade(database, oldVersion, _newVersion, transaction) {
          upgradeSteps(database, oldVersion, transaction);
        },
        blocked: () => options.onBlocked?.(storageError('blocked')),
        blocking: () => {
          // A newer version wants the database: step aside, and say so.
          store?.close();
          options.onClosed?.(storageError('closed'));
        },
        terminated: () => options.onClosed?.(storageError('closed')),
      });
      const opened = new LocalStore(db);
      store = opened;
      return opened;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Adds or replaces one record (by its id). */
  async put<S extends StoreName>(store: S, record: SpinewiseDbSchema[S]['value']): Promise<void> {
    try {
      await this.db.put(store, record as never);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Everything, read in one transaction so the stores agree with each other,
   * each record checked against its schema: the good ones oldest first, the
   * damaged ones listed in `skipped` (and left in the database as they are).
   * Read from the stores, not their time indexes, so a record whose time is
   * missing is seen (and reported) rather than silently left out.
   */
  async readAll(): Promise<CheckedData> {
    try {
      const tx = this.db.transaction([...STORE_NAMES], 'readonly');
      const raw = {} as Record<StoreName, unknown[]>;
      await Promise.all(
        STORE_NAMES.map(async (s) => {
          raw[s] = await tx.objectStore(s).getAll();
        }),
      );
      await tx.done;
      return checkStoredData(raw, this.checked);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Adds or replaces many records in one transaction: all of them land, or
   * (storage full, connection closed) none do.
   */
  async putMany(data: Partial<StoredData>): Promise<void> {
    const stores = STORE_NAMES.filter((s) => (data[s]?.length ?? 0) > 0);
    if (stores.length === 0) return;
    let tx: IDBPTransaction<SpinewiseDbSchema, StoreName[], 'readwrite'> | undefined;
    // Every request's promise is watched from the start, so an abort never goes unhandled.
    const waits: Promise<unknown>[] = [];
    const watch = (p: Promise<unknown>) => {
      p.catch(() => {});
      waits.push(p);
    };
    try {
      tx = this.db.transaction([...stores], 'readwrite');
      watch(tx.done);
      for (const s of stores)
        for (const r of data[s] as unknown[]) watch(tx.objectStore(s).put(r as never));
      await Promise.all(waits);
    } catch (error) {
      // A write refused at once (not by the transaction) would let the others commit: undo them.
      try {
        tx?.abort();
      } catch {
        // Already finished or aborted.
      }
      throw toStorageError(error);
    }
  }

  /** Empties every store in one transaction (all or nothing). */
  async clearAll(): Promise<void> {
    try {
      const tx = this.db.transaction([...STORE_NAMES], 'readwrite');
      await Promise.all([...STORE_NAMES.map((s) => tx.objectStore(s).clear()), tx.done]);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Releases the connection. Safe to call twice. */
  close(): void {
    this.db.close();
  }
}

type UpgradeTx = IDBPTransaction<SpinewiseDbSchema, StoreName[], 'versionchange'>;

/**
 * Creates the stores a version needs and migrates the records of older
 * ones. Each past version keeps its step. Runs inside the upgrade
 * transaction: if a step fails, the whole upgrade is undone and the
 * database stays as it was.
 */
function upgradeSteps(db: Db, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    db.createObjectStore('screenings', { keyPath: 'id' }).createIndex('atMs', 'atMs');
    db.createObjectStore('daily-checks', { keyPath: 'id' }).createIndex('atMs', 'atMs');
    db.createObjectStore('clearances', { keyPath: 'id' }).createIndex('recordedMs', 'recordedMs');
    const pain = db.createObjectStore('pain', { keyPath: 'id' });
    pain.createIndex('atMs', 'atMs');
    pain.createIndex('day', 'day');
    db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('startedMs', 'startedMs');
  }
  // Version 2: a session is its SessionReport. Version 1 had no other stores to change.
  if (oldVersion >= 1 && oldVersion < 2) void migrateSessionsToV2(tx);
}

/**
 * Rewrites every version-1 session as version 2 (session-v1.ts), linked to
 * the pain entries logged just before and after it. A row that was already
 * damaged in version 1 is left as it is (the read check goes on reporting
 * it, and an import of a good copy mends it). Only IndexedDB requests are
 * awaited, so the transaction stays open until the last write.
 */
async function migrateSessionsToV2(tx: UpgradeTx): Promise<void> {
  try {
    const pain = (await tx.objectStore('pain').getAll()).filter((p) => v.is(painSchema, p));
    const sessions = tx.objectStore('sessions');
    const rows: unknown[] = await sessions.getAll();
    const v1 = rows.filter((r): r is SessionRecordV1 => isSessionV1(r) && v.is(sessionSchemaV1, r));
    await Promise.all(v1.map((s) => sessions.put(migrateSessionV1(s, painAround(s, v1, pain)))));
  } catch {
    // A failed request aborts the upgrade by itself; nothing was changed then.
    try {
      tx.abort();
    } catch {
      // Already aborted.
    }
  }
}

export { StorageError };
