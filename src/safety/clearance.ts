/**
 * A clinician's go-ahead, recorded by the person: who, on which day, and
 * which of the standing rules it answers. It is never implied: only a
 * clearance that names a rule lifts that rule, and only for the exercises
 * the rule allows with a clearance (`SafetyRule.openWithClearance`).
 */
import { type DayKey, daysBetween, isDayKey } from './day-key.ts';
import type { RuleId } from './safety-rules.ts';

export const CLINICIAN_KINDS = ['physical-therapist', 'chiropractor', 'doctor', 'other'] as const;
export type ClinicianKind = (typeof CLINICIAN_KINDS)[number];

export const CLINICIAN_LABELS: Record<ClinicianKind, string> = {
  'physical-therapist': 'Physical therapist / physiotherapist',
  chiropractor: 'Chiropractor',
  doctor: 'Doctor',
  other: 'Another health professional',
};

/**
 * How long a clearance holds, in days after the visit. Default 180: things
 * change, and half a year is a common review interval; after that the
 * person is asked to record a fresh go-ahead.
 */
export const DEFAULT_CLEARANCE_VALID_DAYS = 180;

export interface Clearance {
  id: string;
  /** When it was recorded in the app, ms since the epoch. */
  recordedMs: number;
  /** The day of the visit, as the person entered it. */
  visitDay: DayKey;
  clinician: ClinicianKind;
  /** Optional: their name or practice. */
  clinicianName?: string;
  /** The rules this go-ahead answers (those standing when it was recorded). */
  covers: RuleId[];
  /** Optional note, e.g. what they advised. */
  note?: string;
}

/** True when `clearance` lifts `rule` on `today`. */
export function clearanceHolds(
  clearance: Clearance,
  rule: RuleId,
  today: DayKey,
  validDays = DEFAULT_CLEARANCE_VALID_DAYS,
): boolean {
  if (!clearance.covers.includes(rule)) return false;
  const age = daysBetween(clearance.visitDay, today);
  return age >= 0 && age <= validDays;
}

/** Problems with a clearance about to be recorded, in words the person can act on. */
export function clearanceProblems(
  draft: Pick<Clearance, 'visitDay' | 'covers'> & { confirmed: boolean },
  today: DayKey,
  validDays = DEFAULT_CLEARANCE_VALID_DAYS,
): string[] {
  const problems: string[] = [];
  if (!isDayKey(draft.visitDay)) {
    problems.push('Enter the date of your visit.');
  } else if (daysBetween(draft.visitDay, today) < 0) {
    problems.push('The visit date is in the future. Enter the day you were seen.');
  } else if (daysBetween(draft.visitDay, today) > validDays) {
    problems.push(
      `That visit was more than ${validDays} days ago. Please check in with your clinician again.`,
    );
  }
  if (draft.covers.length === 0) problems.push('There is nothing waiting for a clearance.');
  if (!draft.confirmed) {
    problems.push('Tick the box to confirm that a clinician has seen you and agreed.');
  }
  return problems;
}
