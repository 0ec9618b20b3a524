/**
 * When to ask the screening questions again: never asked, the last answers
 * are too old, or the person says something is new.
 */
import { type DayKey, daysBetween } from './day-key.ts';

/**
 * Days after which the answers are asked again. Default 14: long enough not
 * to nag, short enough that a new condition or symptom is not missed for
 * long (the daily check catches sudden changes in between).
 */
export const DEFAULT_RESCREEN_AFTER_DAYS = 14;

export type RescreenReason = 'first-time' | 'out-of-date' | 'new-symptoms';

/**
 * Why the questions must be asked again on `today`, or null when the last
 * screening still stands.
 * @param lastScreeningDay the day of the latest screening, undefined if none
 * @param newSymptoms the person said "something is new" in the daily check
 */
export function rescreenReason(
  lastScreeningDay: DayKey | undefined,
  today: DayKey,
  newSymptoms: boolean,
  afterDays = DEFAULT_RESCREEN_AFTER_DAYS,
): RescreenReason | null {
  if (lastScreeningDay === undefined) return 'first-time';
  if (newSymptoms) return 'new-symptoms';
  if (daysBetween(lastScreeningDay, today) >= afterDays) return 'out-of-date';
  return null;
}
