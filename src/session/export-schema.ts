/**
 * The export file's schema as valibot schemas: what an import accepts.
 * Version 2 (written now) holds sessions as SessionReports; version 1 (still
 * read, its sessions migrated by session-v1.ts) held holds, cues and samples.
 * Every record type of storage-schema.ts has its schema here, and the type
 * checks at the bottom fail the build if the two drift apart. The same
 * record schemas check what is read back from IndexedDB.
 * Documented for people in docs/export-format.md.
 */
import * as v from 'valibot';
import { PHASES } from '../exercises/checker.ts';
import { EXERCISE_IDS } from '../exercises/exercise-ids.ts';
import { CUES, type CueCode } from '../feedback/cue-vocabulary.ts';
import { CLINICIAN_KINDS, type Clearance } from '../safety/clearance.ts';
import { isDayKey } from '../safety/day-key.ts';
import { DECISIONS } from '../safety/decision.ts';
import {
  PAIN_CONTEXTS,
  PAIN_LOCATIONS,
  PAIN_MAX,
  PAIN_MIN,
  type PainEntry,
} from '../safety/pain-entry.ts';
import { PAIN_FINDING_IDS, SESSION_RULE_IDS } from '../safety/safety-rules.ts';
import { QUESTION_IDS } from '../safety/screening-questions.ts';
import { SESSION_STOP_REASONS } from '../safety/session-stop-advice.ts';
import { SESSION_REPORT_FORMAT, type SessionReport } from './session-report.ts';
import type { SessionRecordV1 } from './session-v1.ts';
import type { DailyCheckRecord, ScreeningRecord, SessionRecord } from './storage-schema.ts';

export const EXPORT_FORMAT = 'spinewise-export';
/** The export format's version: bump it (and keep reading the old one) when a record changes shape. */
export const EXPORT_VERSION = 2;

/** Text fields typed by the person are capped, so a damaged file cannot fill the database. */
const MAX_NOTE_CHARS = 2000;

const id = v.pipe(
  v.string(),
  v.minLength(1, 'is empty'),
  v.maxLength(200, 'is longer than 200 characters'),
);
/** Times are ms since 1970 (UTC); the live coach stores fractions of a ms on the app clock. */
const ms = v.pipe(
  v.number(),
  v.finite(),
  v.minValue(0, 'is before 1970'),
  v.maxValue(8.64e15, 'is past the year 275760'),
);
const day = v.pipe(v.string(), v.check(isDayKey, 'is not a real date written YYYY-MM-DD'));
const note = v.pipe(
  v.string(),
  v.maxLength(MAX_NOTE_CHARS, `is longer than ${MAX_NOTE_CHARS} characters`),
);
const ruleId = v.picklist([...QUESTION_IDS, ...PAIN_FINDING_IDS, ...SESSION_RULE_IDS]);

const answers = v.object(
  Object.fromEntries(QUESTION_IDS.map((q) => [q, v.boolean()])) as Record<
    (typeof QUESTION_IDS)[number],
    v.BooleanSchema<undefined>
  >,
);

export const screeningSchema = v.object({
  id,
  atMs: ms,
  day,
  answers,
  decision: v.picklist(DECISIONS),
  fired: v.array(ruleId),
});

export const dailyCheckSchema = v.object({ id, atMs: ms, day, anythingNew: v.boolean() });

export const clearanceSchema = v.object({
  id,
  recordedMs: ms,
  visitDay: day,
  clinician: v.picklist(CLINICIAN_KINDS),
  clinicianName: v.optional(note),
  covers: v.array(ruleId),
  note: v.optional(note),
});

export const painSchema = v.object({
  id,
  atMs: ms,
  day,
  level: v.pipe(
    v.number(),
    v.integer('is not a whole number'),
    v.minValue(PAIN_MIN, `is below ${PAIN_MIN}`),
    v.maxValue(PAIN_MAX, `is above ${PAIN_MAX}`),
  ),
  locations: v.array(v.picklist(PAIN_LOCATIONS)),
  context: v.picklist(PAIN_CONTEXTS),
  sessionId: v.optional(id),
  note: v.optional(note),
});

/** Good-form time and durations, ms. */
const durationMs = v.pipe(v.number(), v.finite(), v.minValue(0, 'is negative'));

export const holdSchema = v.pipe(
  v.object({
    startMs: ms,
    endMs: ms,
    side: v.optional(v.picklist(['left', 'right'])),
    heldMs: v.optional(durationMs),
  }),
  v.forward(
    v.check((h) => h.endMs >= h.startMs, 'ends before the hold starts'),
    ['endMs'],
  ),
);

/** A day of samples at one a second, with room: a damaged file cannot fill the database. */
const MAX_SAMPLES = 86_400;

export const cueRecordSchema = v.object({
  atMs: ms,
  code: v.picklist(Object.keys(CUES) as CueCode[]),
});

const measure = v.optional(v.pipe(v.number(), v.finite()));
export const metricSampleSchema = v.object({
  atMs: ms,
  rotationDeg: measure,
  hipLiftThighs: measure,
});

/** A session as version 1 kept it (export files of version 1, IndexedDB before the upgrade). */
export const sessionSchemaV1 = v.pipe(
  v.object({
    id,
    exercise: v.picklist(EXERCISE_IDS),
    startedMs: ms,
    endedMs: v.optional(ms),
    holds: v.array(holdSchema),
    forcingCount: v.pipe(
      v.number(),
      v.integer('is not a whole number'),
      v.minValue(0, 'is negative'),
    ),
    stoppedFor: v.optional(v.picklist(SESSION_STOP_REASONS)),
    holdTargetS: v.optional(
      v.pipe(v.number(), v.minValue(1, 'is below 1 s'), v.maxValue(600, 'is above 600 s')),
    ),
    cues: v.optional(
      v.pipe(
        v.array(cueRecordSchema),
        v.maxLength(MAX_SAMPLES, `has more than ${MAX_SAMPLES} cues`),
      ),
    ),
    metrics: v.optional(
      v.pipe(
        v.array(metricSampleSchema),
        v.maxLength(MAX_SAMPLES, `has more than ${MAX_SAMPLES} samples`),
      ),
    ),
  }),
  v.forward(
    v.check(
      (s) => s.endedMs === undefined || s.endedMs >= s.startedMs,
      'ends before the session starts',
    ),
    ['endedMs'],
  ),
);

/** Times within a report, ms from the session's start. */
const relMs = v.pipe(v.number(), v.finite(), v.minValue(0, 'is before the session starts'));
const side = v.picklist(['left', 'right']);
const count = v.pipe(v.number(), v.integer('is not a whole number'), v.minValue(0, 'is negative'));
const label = v.pipe(v.string(), v.maxLength(200, 'is longer than 200 characters'));
/** A report of a day's frames at 30 fps, with room. */
const MAX_REPORT_ITEMS = 86_400;
const capped = <T extends v.GenericSchema>(item: T, what: string) =>
  v.pipe(v.array(item), v.maxLength(MAX_REPORT_ITEMS, `has more than ${MAX_REPORT_ITEMS} ${what}`));

const painLinkSchema = v.object({ id, level: painSchema.entries.level, atMs: ms });

export const reportHoldSchema = v.pipe(
  v.object({
    startMs: relMs,
    endMs: relMs,
    goodMs: durationMs,
    side: v.optional(side),
    targetReached: v.boolean(),
  }),
  v.forward(
    v.check((h) => h.endMs >= h.startMs, 'ends before the hold starts'),
    ['endMs'],
  ),
);

/** The SessionReport (session-report.ts), as stored in a version-2 session. */
export const reportSchema = v.object({
  format: v.literal(SESSION_REPORT_FORMAT),
  exercise: v.picklist(EXERCISE_IDS),
  startSide: v.optional(side),
  holdTargetS: v.pipe(v.number(), v.minValue(1, 'is below 1 s'), v.maxValue(600, 'is above 600 s')),
  engine: v.optional(label),
  model: v.optional(label),
  configVersion: label,
  appVersion: label,
  durationMs: relMs,
  frames: count,
  phases: capped(v.object({ fromMs: relMs, toMs: relMs, phase: v.picklist(PHASES) }), 'phases'),
  holds: capped(reportHoldSchema, 'holds'),
  cues: capped(v.object({ tMs: relMs, code: v.picklist(Object.keys(CUES) as CueCode[]) }), 'cues'),
  sideSwitches: capped(v.object({ tMs: relMs, side }), 'side switches'),
  perSecond: capped(
    v.object({
      tMs: relMs,
      usable: v.pipe(v.number(), v.minValue(0, 'is below 0'), v.maxValue(1, 'is above 1')),
      frames: count,
      metrics: v.record(label, v.pipe(v.number(), v.finite())),
    }),
    'seconds',
  ),
  pain: v.optional(
    v.object({ before: v.optional(painLinkSchema), after: v.optional(painLinkSchema) }),
  ),
});

/** A session as version 2 keeps it: the report, and what storage adds around it. */
export const sessionSchema = v.pipe(
  v.object({
    id,
    exercise: v.picklist(EXERCISE_IDS),
    startedMs: ms,
    endedMs: v.optional(ms),
    forcingCount: count,
    stoppedFor: v.optional(v.picklist(SESSION_STOP_REASONS)),
    source: v.optional(v.picklist(['live', 'video'])),
    migratedFrom: v.optional(v.literal(1)),
    report: reportSchema,
  }),
  v.forward(
    v.check(
      (s) => s.endedMs === undefined || s.endedMs >= s.startedMs,
      'ends before the session starts',
    ),
    ['endedMs'],
  ),
  v.forward(
    v.check((s) => s.report.exercise === s.exercise, "is not the session's exercise"),
    ['report', 'exercise'],
  ),
);

/** The live coach's settings (controllers/coach-settings.ts); engine names are checked when applied. */
export const settingsSchema = v.object({
  voice: v.object({
    enabled: v.boolean(),
    voiceURI: v.pipe(v.string(), v.maxLength(500, 'is longer than 500 characters')),
    rate: v.pipe(v.number(), v.minValue(0.5, 'is below 0.5'), v.maxValue(2, 'is above 2')),
  }),
  holdTargetS: v.pipe(v.number(), v.minValue(15, 'is below 15 s'), v.maxValue(30, 'is above 30 s')),
  engine: v.pipe(v.string(), v.maxLength(100, 'is longer than 100 characters')),
  backend: v.pipe(v.string(), v.maxLength(100, 'is longer than 100 characters')),
  mirror: v.boolean(),
});

const fileEntries = {
  format: v.literal(EXPORT_FORMAT),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('is not an ISO date-time')),
  note: v.optional(v.string()),
  screenings: v.array(screeningSchema),
  'daily-checks': v.array(dailyCheckSchema),
  clearances: v.array(clearanceSchema),
  pain: v.array(painSchema),
  settings: v.optional(settingsSchema),
};

/** The whole file (format and version are checked first, by import-data.ts, for a clearer message). */
export const exportFileSchema = v.object({
  ...fileEntries,
  version: v.literal(EXPORT_VERSION),
  sessions: v.array(sessionSchema),
});

/** A version-1 file: the same but for its sessions. */
export const exportFileSchemaV1 = v.object({
  ...fileEntries,
  version: v.literal(1),
  sessions: v.array(sessionSchemaV1),
});

export type ExportedSettings = v.InferOutput<typeof settingsSchema>;
export type ExportFileV2 = v.InferOutput<typeof exportFileSchema>;
export type ExportFileV1 = v.InferOutput<typeof exportFileSchemaV1>;

// The schemas and the stored types must describe the same records, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const drift: [
  Same<v.InferOutput<typeof screeningSchema>, ScreeningRecord>,
  Same<v.InferOutput<typeof dailyCheckSchema>, DailyCheckRecord>,
  Same<v.InferOutput<typeof clearanceSchema>, Clearance>,
  Same<v.InferOutput<typeof painSchema>, PainEntry>,
  Same<v.InferOutput<typeof sessionSchemaV1>, SessionRecordV1>,
  Same<v.InferOutput<typeof sessionSchema>, SessionRecord>,
  Same<v.InferOutput<typeof reportSchema>, SessionReport>,
] = [true, true, true, true, true, true, true];
void drift;
