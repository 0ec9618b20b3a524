/**
 * What the safety rules read from storage: the latest screening, the
 * clearances, the pain log and how past sessions ended, for a given day.
 */
import { type DayKey, toDayKey } from '../safety/day-key.ts';
import type { SafetyInput } from '../safety/evaluate-safety.ts';
import type { ScreeningAnswers } from '../safety/screening-questions.ts';
import type { StoredData } from './storage-schema.ts';

/**
 * @param answers answers just given (not stored yet) on `today`; default:
 *   the latest stored screening
 */
export function safetyInputFrom(
  data: StoredData,
  today: DayKey,
  answers?: ScreeningAnswers,
): SafetyInput {
  const latest = data.screenings.at(-1);
  const screening = answers
    ? { answers, day: today }
    : latest
      ? { answers: latest.answers, day: latest.day }
      : undefined;
  return {
    ...(screening ? { screening } : {}),
    clearances: data.clearances,
    painEntries: data.pain,
    sessions: data.sessions.map((s) => ({
      day: toDayKey(s.startedMs),
      ...(s.stoppedFor ? { stoppedFor: s.stoppedFor } : {}),
    })),
    today,
  };
}
