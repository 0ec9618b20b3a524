/**
 * Export, import and delete-all as the "Your data" panel runs them: reads a
 * chosen file, checks it, writes it through the storage service in one go,
 * applies the settings it carries, and says in words what happened. The
 * settings live in localStorage (coach-settings.ts); everything else in
 * IndexedDB through the service.
 */
import { type ImportProblem, MAX_IMPORT_BYTES, parseExportText } from '../session/import-data.ts';
import { STORE_NAMES, type StoreName } from '../session/storage-schema.ts';
import {
  DEFAULT_COACH_SETTINGS,
  loadCoachSettings,
  parseCoachSettings,
  saveCoachSettings,
} from './coach-settings.ts';
import { appNow } from './storage-clock.ts';
import type { StorageService } from './storage-service.ts';

export type ImportOutcome =
  | { ok: true; summary: string; added: number; alreadyHere: number }
  | { ok: false; summary: string; problems: ImportProblem[] };

/** What each kind of record is called, one and many. */
const NOUNS: Record<StoreName, [string, string]> = {
  screenings: ['safety check', 'safety checks'],
  'daily-checks': ['daily check', 'daily checks'],
  clearances: ['clinician’s go-ahead', 'clinician’s go-aheads'],
  pain: ['pain-log entry', 'pain-log entries'],
  sessions: ['session', 'sessions'],
};

const count = (n: number, store: StoreName) => `${n} ${NOUNS[store][n === 1 ? 0 : 1]}`;

/** Downloads everything, settings included. */
export function exportEverything(service: StorageService): void {
  service.downloadExport(appNow(), loadCoachSettings());
}

export function exportHolds(service: StorageService): void {
  service.downloadHoldsCsv(appNow());
}

/** Reads, checks and imports a file; nothing changes unless the whole file is valid and saved. */
export async function importFile(
  file: Blob & { name?: string },
  service: StorageService,
): Promise<ImportOutcome> {
  const name = file.name ? `“${file.name}”` : 'The file';
  const refuse = (summary: string, problems: ImportProblem[]): ImportOutcome => ({
    ok: false,
    summary: `Nothing was imported. ${summary}`,
    problems,
  });
  if (file.size > MAX_IMPORT_BYTES) {
    return refuse(
      `${name} is ${Math.round(file.size / 1e6)} MB, far larger than any Spinewise export.`,
      [{ path: '', reason: 'Choose the .json file that “Export everything” saved.' }],
    );
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return refuse(`${name} could not be read.`, [
      { path: '', reason: error instanceof Error ? error.message : String(error) },
    ]);
  }
  const parsed = parseExportText(text);
  if (!parsed.ok) {
    const n = parsed.problems.length;
    return refuse(
      `${name} has ${n === 1 ? 'a problem' : `${n} problems`}; fix ${n === 1 ? 'it' : 'them'} or choose another file.`,
      parsed.problems,
    );
  }
  let plan: Awaited<ReturnType<StorageService['importRecords']>>;
  try {
    plan = await service.importRecords(parsed.data);
  } catch (error) {
    return refuse('Saving it on this device failed.', [
      { path: '', reason: error instanceof Error ? error.message : String(error) },
    ]);
  }
  if (parsed.settings) saveCoachSettings(parseCoachSettings(parsed.settings));
  const added = STORE_NAMES.reduce((n, s) => n + plan.counts[s].added, 0);
  const alreadyHere = STORE_NAMES.reduce((n, s) => n + plan.counts[s].alreadyHere, 0);
  const what = STORE_NAMES.filter((s) => plan.counts[s].added > 0).map((s) =>
    count(plan.counts[s].added, s),
  );
  const settings = parsed.settings
    ? ' Its settings (hold target, voice, engine) now apply here.'
    : '';
  const summary =
    added === 0
      ? `Nothing new: ${alreadyHere === 0 ? 'the file holds no records' : `all ${alreadyHere} records in it are already here`}.${settings}`
      : `Imported ${what.join(', ')}.${alreadyHere > 0 ? ` ${alreadyHere} already here were left as they are.` : ''}${settings}`;
  return { ok: true, summary, added, alreadyHere };
}

/** Deletes every record and resets the settings. Rejects (nothing deleted) when storage fails. */
export async function deleteEverything(service: StorageService): Promise<void> {
  await service.deleteAll();
  saveCoachSettings(DEFAULT_COACH_SETTINGS);
}
