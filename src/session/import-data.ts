/**
 * Reading an export file back: every problem in a bad file, each with where
 * it is (`sessions[2].holds[0].endMs`) and what is wrong, or the records to
 * add. Pure: nothing is written here; the storage service writes the plan
 * in one transaction, so a bad file changes nothing.
 */
import * as v from 'valibot';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedSettings,
  exportFileSchema,
  exportFileSchemaV1,
} from './export-schema.ts';
import { painAround } from './session-pain.ts';
import { migrateSessionV1 } from './session-v1.ts';
import { emptyData, STORE_NAMES, type StoredData, type StoreName } from './storage-schema.ts';

/**
 * Larger files are refused before reading: years of daily sessions take
 * well under 5 MB, so 50 MB is a damaged or wrong file.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportProblem {
  /** Where in the file, e.g. `pain[3].level`; empty for the file as a whole. */
  path: string;
  /** What is wrong, in words. */
  reason: string;
}

export type ParsedImport =
  | { ok: true; data: StoredData; settings: ExportedSettings | undefined }
  | { ok: false; problems: ImportProblem[] };

/** Checks a file's text against the export schema; lists every problem found. */
export function parseExportText(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('', `is not readable JSON (${detail}). Choose a file exported by Spinewise.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail(
      '',
      'is not a Spinewise export (it holds no object with "format": "spinewise-export").',
    );
  }
  const head = json as Record<string, unknown>;
  if (head.format !== EXPORT_FORMAT) {
    return fail(
      'format',
      `is ${JSON.stringify(head.format)}, not "${EXPORT_FORMAT}": this is not a Spinewise export.`,
    );
  }
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    return fail(
      'version',
      `is ${head.version}: the file comes from a newer Spinewise, and this one reads version ${EXPORT_VERSION}. Update the app (reload the page), then import again.`,
    );
  }
  // A version-1 file is checked as version 1 wrote it; its sessions are then migrated as the database's were.
  const result =
    head.version === 1
      ? v.safeParse(exportFileSchemaV1, json)
      : v.safeParse(exportFileSchema, json);
  const problems: ImportProblem[] = result.success
    ? []
    : firstPerPath(result.issues.map(toProblem));
  if (result.success) problems.push(...duplicateIds(result.output));
  if (!result.success || problems.length > 0) return { ok: false, problems };
  const file = result.output;
  const data = emptyData();
  for (const s of STORE_NAMES) if (s !== 'sessions') (data[s] as unknown[]) = file[s];
  data.sessions =
    file.version === 1
      ? file.sessions.map((s) => migrateSessionV1(s, painAround(s, file.sessions, file.pain)))
      : file.sessions;
  return { ok: true, data, settings: file.settings };
}

/** One reason per place: a time that is negative need not also be said to end before its start. */
function firstPerPath(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.path) && seen.add(p.path));
}

function fail(path: string, reason: string): ParsedImport {
  return { ok: false, problems: [{ path, reason }] };
}

/** `sessions[2].holds[0].endMs` from a valibot issue path. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Where and what, in words; also used for records read back from storage (stored-record-check.ts). */
export function toProblem(issue: v.BaseIssue<unknown>): ImportProblem {
  const missing = issue.input === undefined && issue.kind === 'schema';
  return { path: issuePath(issue), reason: missing ? 'is missing' : reasonOf(issue) };
}

/** valibot's own words for type errors ("Expected number but received \"7\""); ours for the rest. */
function reasonOf(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return issue.message;
  const expected = issue.expected ?? 'something else';
  if (issue.type === 'picklist') {
    return `should be one of ${expected
      .replace(/^\(|\)$/g, '')
      .split(' | ')
      .join(', ')}, but is ${issue.received}`;
  }
  return `should be ${expected}, but is ${issue.received}`;
}

/** Two records of one kind with the same id: the file is damaged (ids are what make imports repeatable). */
function duplicateIds(file: Record<StoreName, readonly { id: string }[]>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const s of STORE_NAMES) {
    const seen = new Map<string, number>();
    (file[s] as { id: string }[]).forEach((r, i) => {
      const first = seen.get(r.id);
      if (first === undefined) seen.set(r.id, i);
      else
        problems.push({
          path: `${s}[${i}].id`,
          reason: `is the same as ${s}[${first}].id (${JSON.stringify(r.id)})`,
        });
    });
  }
  return problems;
}

export interface ImportPlan {
  /** Records not on this device yet. */
  add: StoredData;
  /** Per kind: how many are new, how many were already here (same id: the copy here is kept). */
  counts: Record<StoreName, { added: number; alreadyHere: number }>;
}

/** What importing `incoming` adds to `existing`: only ids not known yet, so the same file twice adds nothing. */
export function planImport(incoming: StoredData, existing: StoredData): ImportPlan {
  const add = emptyData();
  const counts = {} as ImportPlan['counts'];
  for (const s of STORE_NAMES) {
    const known = new Set((existing[s] as { id: string }[]).map((r) => r.id));
    const fresh = (incoming[s] as { id: string }[]).filter((r) => !known.has(r.id));
    (add[s] as unknown[]) = fresh;
    counts[s] = { added: fresh.length, alreadyHere: incoming[s].length - fresh.length };
  }
  return { add, counts };
}
