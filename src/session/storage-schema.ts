/**
 * What Spinewise keeps on the device, in one IndexedDB database: the safety
 * screen (answers, decisions, clearances, daily checks), the pain log, and
 * sessions (written by the live coach). Versioned: bump STORAGE_VERSION and
 * add a step in `upgradeSteps` (local-store.ts) for every change. Version 1
 * stored sessions as holds, cues and samples (`session-v1.ts`); version 2
 * stores the SessionReport (the upgrade migrates every v1 session).
 */
import type { DBSchema } from 'idb';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { CueCode } from '../feedback/cue-vocabulary.ts';
import type { Clearance } from '../safety/clearance.ts';
import type { DayKey } from '../safety/day-key.ts';
import type { Decision } from '../safety/decision.ts';
import type { PainEntry } from '../safety/pain-entry.ts';
import type { RuleId } from '../safety/safety-rules.ts';
import type { ScreeningAnswers } from '../safety/screening-questions.ts';
import type { SessionStopReason } from '../safety/session-stop-advice.ts';
import type { SessionReport } from './session-report.ts';

/** The database's name in the browser. */
export const DEFAULT_DB_NAME = 'spinewise';
/** The schema version (IndexedDB version number). */
export const STORAGE_VERSION = 2;

/** One answered screening and what it decided on that day. */
export interface ScreeningRecord {
  id: string;
  /** When it was answered, ms since the epoch. */
  atMs: number;
  day: DayKey;
  answers: ScreeningAnswers;
  /** The decision at the time (the rules may say otherwise later, e.g. tomorrow). */
  decision: Decision;
  /** The rules that fired at the time. */
  fired: RuleId[];
}

/** The one-tap "anything new today?" before a session. */
export interface DailyCheckRecord {
  id: string;
  atMs: number;
  day: DayKey;
  /** True: the person said something is new, which leads to the full questions. */
  anythingNew: boolean;
}

/**
 * One coaching session, version 2: the SessionReport itself (`report`:
 * phases, holds, cues, per-second metrics, pain before and after, what made
 * it), with what storage adds around it. Report times are ms from
 * `startedMs`. Written as it happens: while the session runs (or after a
 * tab closed mid-session) there is no `endedMs`.
 * `exercise` and `forcingCount` repeat what the report holds (its exercise,
 * its `ease-off` cues) for the safety rules, which read only these.
 * Fields this build does not know are kept as they are.
 */
export interface SessionRecord {
  id: string;
  exercise: ExerciseId;
  /** When the session started, ms since the epoch (the app's clock): the report's time 0. */
  startedMs: number;
  /** Undefined while the session is running (or if the tab closed mid-session). */
  endedMs?: number;
  /** Times the checker flagged forcing (jerky, end-range pushing): the report's `ease-off` cues. */
  forcingCount: number;
  /** Set when a safety action stopped the session. */
  stoppedFor?: SessionStopReason;
  /** Where the frames came from; absent: the live coach. */
  source?: 'live' | 'video';
  /** Set on sessions migrated from storage version 1: what the report could not know is marked unknown. */
  migratedFrom?: 1;
  report: SessionReport;
}

/** A hold with epoch times (a view of a report hold: `stored-session.ts`). */
export interface HoldRecord {
  startMs: number;
  endMs: number;
  /** 'left' / 'right' for exercises with sides. */
  side?: 'left' | 'right';
  /** Good-form time counted, ms (short breaks excluded). */
  heldMs?: number;
}

/** A cue the coach gave, with when (epoch ms; a view of a report cue). */
export interface CueRecord {
  atMs: number;
  code: CueCode;
}

/**
 * One measure sample a second (epoch ms; a view of the report's seconds). A
 * measure that is absent was unknown then or is not one this stretch uses.
 */
export interface MetricSample {
  atMs: number;
  /** Torso rotation, degrees (the twist). */
  rotationDeg?: number;
  /** Hips above the floor, thigh lengths (the roller). */
  hipLiftThighs?: number;
}

export interface SpinewiseDbSchema extends DBSchema {
  screenings: { key: string; value: ScreeningRecord; indexes: { atMs: number } };
  'daily-checks': { key: string; value: DailyCheckRecord; indexes: { atMs: number } };
  clearances: { key: string; value: Clearance; indexes: { recordedMs: number } };
  pain: { key: string; value: PainEntry; indexes: { atMs: number; day: string } };
  sessions: { key: string; value: SessionRecord; indexes: { startedMs: number } };
}

export type StoreName = 'screenings' | 'daily-checks' | 'clearances' | 'pain' | 'sessions';
export const STORE_NAMES: readonly StoreName[] = [
  'screenings',
  'daily-checks',
  'clearances',
  'pain',
  'sessions',
];

/** The index each store is read in (oldest first). */
export const TIME_INDEX = {
  screenings: 'atMs',
  'daily-checks': 'atMs',
  clearances: 'recordedMs',
  pain: 'atMs',
  sessions: 'startedMs',
} as const satisfies Record<StoreName, string>;

/** Everything stored, as plain arrays, oldest first. */
export interface StoredData {
  screenings: ScreeningRecord[];
  'daily-checks': DailyCheckRecord[];
  clearances: Clearance[];
  pain: PainEntry[];
  sessions: SessionRecord[];
}

export function emptyData(): StoredData {
  return { screenings: [], 'daily-checks': [], clearances: [], pain: [], sessions: [] };
}
