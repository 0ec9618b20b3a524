/**
 * Sessions as storage version 1 kept them (holds, cues and one measure
 * sample a second, all in epoch ms, beside the session's summary fields),
 * and the one migration to version 2, where the stored session is the
 * SessionReport. Used by the IndexedDB upgrade (local-store.ts) and by the
 * import of version-1 export files (import-data.ts), so both give the same
 * record. Pure.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { SessionStopReason } from '../safety/session-stop-advice.ts';
import {
  type ReportHold,
  type ReportPain,
  type ReportSecond,
  SESSION_REPORT_FORMAT,
  type SessionReport,
} from './session-report.ts';
import type { CueRecord, HoldRecord, MetricSample, SessionRecord } from './storage-schema.ts';

/** What version 1 assumed when a session carried no hold target (the app's default then). */
export const V1_DEFAULT_TARGET_S = 20;

/** What a migrated report says for what version 1 did not keep (config fingerprint, app version). */
export const UNKNOWN_IN_V1 = 'unknown';

/** One coaching session as storage version 1 kept it. */
export interface SessionRecordV1 {
  id: string;
  exercise: ExerciseId;
  startedMs: number;
  endedMs?: number;
  holds: HoldRecord[];
  forcingCount: number;
  stoppedFor?: SessionStopReason;
  holdTargetS?: number;
  cues?: CueRecord[];
  metrics?: MetricSample[];
}

/** The v1 sample's measures under the names the checkers give them (the report's). */
const METRIC_NAMES = {
  rotationDeg: 'torsoRotationDeg',
  hipLiftThighs: 'hipHeightThighs',
} as const satisfies Record<keyof Omit<MetricSample, 'atMs'>, string>;

/**
 * The version-2 record of a version-1 session: every hold, cue and sample
 * kept, their times made relative to the start; a hold without its
 * good-form time counts first to last frame (as History counted it); a
 * missing hold target is the default then; what v1 never knew (phases, side
 * switches, frames per second, engine, model, config fingerprint, app
 * version) is empty, absent or `unknown`, and the record says
 * `migratedFrom: 1`. Fields v1 did not define are kept as they are.
 */
export function migrateSessionV1(v1: SessionRecordV1, pain?: ReportPain): SessionRecord {
  const { holds, cues, metrics, holdTargetS, forcingCount, ...rest } = v1;
  const t0 = v1.startedMs;
  const targetS = holdTargetS ?? V1_DEFAULT_TARGET_S;
  const lastMs = Math.max(
    v1.endedMs ?? t0,
    ...holds.map((h) => h.endMs),
    ...(cues ?? []).map((c) => c.atMs),
    ...(metrics ?? []).map((m) => m.atMs),
  );
  const report: SessionReport = {
    format: SESSION_REPORT_FORMAT,
    exercise: v1.exercise,
    holdTargetS: targetS,
    configVersion: UNKNOWN_IN_V1,
    appVersion: UNKNOWN_IN_V1,
    durationMs: Math.max(0, lastMs - t0),
    frames: 0,
    phases: [],
    holds: holds.map((h) => {
      const goodMs = h.heldMs ?? Math.max(0, h.endMs - h.startMs);
      const hold: ReportHold = {
        startMs: h.startMs - t0,
        endMs: h.endMs - t0,
        goodMs,
        targetReached: goodMs >= targetS * 1000,
      };
      if (h.side) hold.side = h.side;
      return hold;
    }),
    cues: (cues ?? []).map((c) => ({ tMs: c.atMs - t0, code: c.code })),
    sideSwitches: [],
    perSecond: (metrics ?? []).map((m) => {
      const second: ReportSecond = { tMs: m.atMs - t0, usable: 0, frames: 0, metrics: {} };
      for (const [v1Name, name] of Object.entries(METRIC_NAMES)) {
        const value = m[v1Name as keyof typeof METRIC_NAMES];
        if (value !== undefined) second.metrics[name] = value;
      }
      return second;
    }),
  };
  if (pain && (pain.before || pain.after)) report.pain = pain;
  return { ...rest, forcingCount, migratedFrom: 1, report };
}

/** Whether a stored row is shaped as version 1 kept sessions (holds beside it, no report). */
export function isSessionV1(row: unknown): row is SessionRecordV1 {
  return (
    typeof row === 'object' &&
    row !== null &&
    !('report' in row) &&
    Array.isArray((row as { holds?: unknown }).holds)
  );
}
