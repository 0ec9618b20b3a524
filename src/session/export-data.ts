/**
 * The JSON export: everything stored, with a format tag and version so an
 * import can read it (schema: export-schema.ts, docs/export-format.md).
 * Pure: the time of export and the settings are arguments.
 */
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedSettings } from './export-schema.ts';
import type { StoredData } from './storage-schema.ts';

export { EXPORT_FORMAT, EXPORT_VERSION };

export interface ExportFile extends StoredData {
  format: typeof EXPORT_FORMAT;
  /** The export format's version (EXPORT_VERSION). */
  version: typeof EXPORT_VERSION;
  /** ISO time of the export. */
  exportedAt: string;
  /** A note to whoever opens the file. */
  note: string;
  /** The live coach's settings, when known. */
  settings?: ExportedSettings;
}

export function buildExport(
  data: StoredData,
  nowMs: number,
  settings?: ExportedSettings,
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    note: 'Exported from Spinewise. This file stays wherever you save it; Spinewise never sends it anywhere.',
    screenings: data.screenings,
    'daily-checks': data['daily-checks'],
    clearances: data.clearances,
    pain: data.pain,
    sessions: data.sessions,
    ...(settings ? { settings } : {}),
  };
}

/** The download's file name, e.g. `spinewise-2026-03-10.json`. */
export function exportFileName(day: string): string {
  return `spinewise-${day}.json`;
}

/** The holds CSV's file name, e.g. `spinewise-holds-2026-03-10.csv`. */
export function holdsCsvFileName(day: string): string {
  return `spinewise-holds-${day}.csv`;
}
