/**
 * The JSON export: everything stored, with a format tag and version so a
 * later import can read it. Pure: the time of export is an argument.
 */
import { STORAGE_VERSION, type StoredData } from './storage-schema.ts';

export const EXPORT_FORMAT = 'spinewise-export';

export interface ExportFile extends StoredData {
  format: typeof EXPORT_FORMAT;
  /** The storage schema version the records follow. */
  version: number;
  /** ISO time of the export. */
  exportedAt: string;
  /** A note to whoever opens the file. */
  note: string;
}

export function buildExport(data: StoredData, nowMs: number): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: STORAGE_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    note: 'Exported from Spinewise. This file stays wherever you save it; Spinewise never sends it anywhere.',
    ...data,
  };
}

/** The download's file name, e.g. `spinewise-2026-03-10.json`. */
export function exportFileName(day: string): string {
  return `spinewise-${day}.json`;
}
