/**
 * The decision for today: every rule that fires (screening answers and
 * pain-log findings), the most serious decision among them, and which
 * exercises that leaves open. Pure: `today` is an argument.
 */
import { EXERCISE_IDS, type ExerciseId } from '../exercises/exercise-ids.ts';
import { type Clearance, clearanceHolds, DEFAULT_CLEARANCE_VALID_DAYS } from './clearance.ts';
import { addDays, type DayKey } from './day-key.ts';
import { type Decision, decisionSeverity, mostSerious } from './decision.ts';
import type { PainEntry } from './pain-entry.ts';
import {
  DEFAULT_PAIN_PERSISTENCE,
  evaluatePainLog,
  type PainPersistenceOptions,
} from './pain-persistence.ts';
import { type RuleId, SAFETY_RULES, type SafetyRule } from './safety-rules.ts';
import { isTodayOnly, QUESTION_IDS, type ScreeningAnswers } from './screening-questions.ts';
import type { SessionStopReason } from './session-stop-advice.ts';

/** The latest screening: its answers and the day they were given. */
export interface ScreeningOnDay {
  answers: ScreeningAnswers;
  day: DayKey;
}

export interface SafetyInput {
  /** The latest screening, if any. */
  screening?: ScreeningOnDay;
  clearances?: readonly Clearance[];
  painEntries?: readonly PainEntry[];
  /** Past sessions: the day each started and why it stopped, if for safety. */
  sessions?: readonly SessionOutcome[];
  today: DayKey;
  painOptions?: PainPersistenceOptions;
  /** Days a clearance holds. Default DEFAULT_CLEARANCE_VALID_DAYS. */
  clearanceValidDays?: number;
}

/** What the rules need to know about a past session. */
export interface SessionOutcome {
  /** The local day it started. */
  day: DayKey;
  stoppedFor?: SessionStopReason;
}

export interface FiredRule {
  id: RuleId;
  rule: SafetyRule;
  /** A recorded clearance lifts it today. */
  cleared: boolean;
}

export interface SafetyVerdict {
  /** The most serious decision still standing (cleared rules excluded). */
  decision: Decision;
  /** Every rule that fired, most serious first (cleared ones included, flagged). */
  fired: FiredRule[];
  /** Exercises that may be started today. */
  open: ExerciseId[];
  /** `see-professional` rules that wait for a clearance (empty unless that is the decision). */
  awaitingClearance: RuleId[];
  /** For `not-today`: the first day the person may check in again. */
  reopensOn?: DayKey;
}

/** The rules that fire on these answers, given on `answeredOn`, as of `today`. */
export function rulesFromAnswers(
  answers: ScreeningAnswers,
  answeredOn: DayKey,
  today: DayKey,
): RuleId[] {
  return QUESTION_IDS.filter((q) => answers[q] && (answeredOn === today || !isTodayOnly(q)));
}

export function evaluateSafety(input: SafetyInput): SafetyVerdict {
  const { today } = input;
  const clearances = input.clearances ?? [];
  const validDays = input.clearanceValidDays ?? DEFAULT_CLEARANCE_VALID_DAYS;
  const holds = (id: RuleId) => clearances.some((c) => clearanceHolds(c, id, today, validDays));

  const ids: RuleId[] = input.screening
    ? rulesFromAnswers(input.screening.answers, input.screening.day, today)
    : [];

  // A clearance for a pain-log finding restarts the log from the moment it was recorded.
  const painClearedMs = Math.max(
    Number.NEGATIVE_INFINITY,
    ...clearances
      .filter((c) => c.covers.some((id) => id.startsWith('log-')))
      .map((c) => c.recordedMs),
  );
  const findings = evaluatePainLog(
    input.painEntries ?? [],
    today,
    painClearedMs,
    input.painOptions ?? DEFAULT_PAIN_PERSISTENCE,
  );
  ids.push(...findings.map((f) => f.id));
  if (input.sessions?.some((s) => s.day === today && s.stoppedFor === 'sharp-pain')) {
    ids.push('stopped-for-sharp-pain');
  }

  const fired: FiredRule[] = ids
    .map((id) => {
      const rule = SAFETY_RULES[id];
      return { id, rule, cleared: rule.decision === 'see-professional' && holds(id) };
    })
    .sort((a, b) => decisionSeverity(b.rule.decision) - decisionSeverity(a.rule.decision));

  const standing = fired.filter((f) => !f.cleared);
  const decision = mostSerious(standing.map((f) => f.rule.decision));
  return {
    decision,
    fired,
    open: openExercises(decision, fired),
    awaitingClearance:
      decision === 'see-professional'
        ? standing.filter((f) => f.rule.decision === 'see-professional').map((f) => f.id)
        : [],
    ...(decision === 'not-today' ? { reopensOn: addDays(today, 1) } : {}),
  };
}

/**
 * The exercises open under a decision. `urgent` and `not-today` close all.
 * `see-professional` closes all until every standing rule is cleared, so it
 * cannot reach here (cleared rules no longer count); the cleared rules then
 * narrow `ok` to what each of them allows with a clearance, e.g. no roller
 * after a disc problem was cleared.
 */
function openExercises(decision: Decision, fired: readonly FiredRule[]): ExerciseId[] {
  if (decision !== 'ok') return [];
  return EXERCISE_IDS.filter((ex) =>
    fired.every((f) => !f.cleared || f.rule.openWithClearance.includes(ex)),
  );
}
