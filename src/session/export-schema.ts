/**
 * The export file's schema, version 1, as valibot schemas: what an import
 * accepts. Every record type of storage-schema.ts has its schema here, and
 * the type checks at the bottom fail the build if the two drift apart.
 * Documented for people in docs/export-format.md.
 */
import * as v from 'valibot';
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
import type { DailyCheckRecord, ScreeningRecord, SessionRecord } from './storage-schema.ts';

export const EXPORT_FORMAT = 'spinewise-export';
/** The export format's version: bump it (and keep reading the old one) when a record changes shape. */
export const EXPORT_VERSION = 1;

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

export const sessionSchema = v.pipe(
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

/** The whole file (format and version are checked first, by import-data.ts, for a clearer message). */
export const exportFileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('is not an ISO date-time')),
  note: v.optional(v.string()),
  screenings: v.array(screeningSchema),
  'daily-checks': v.array(dailyCheckSchema),
  clearances: v.array(clearanceSchema),
  pain: v.array(painSchema),
  sessions: v.array(sessionSchema),
  settings: v.optional(settingsSchema),
});

export type ExportedSettings = v.InferOutput<typeof settingsSchema>;
export type ExportFileV1 = v.InferOutput<typeof exportFileSchema>;

// The schemas and the stored types must describe the same records, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const drift: [
  Same<v.InferOutput<typeof screeningSchema>, ScreeningRecord>,
  Same<v.InferOutput<typeof dailyCheckSchema>, DailyCheckRecord>,
  Same<v.InferOutput<typeof clearanceSchema>, Clearance>,
  Same<v.InferOutput<typeof painSchema>, PainEntry>,
  Same<v.InferOutput<typeof sessionSchema>, SessionRecord>,
] = [true, true, true, true, true];
void drift;
