/**
 * The overuse guard: too many sessions in a day, or forcing again and again,
 * earns a clear note (chasing the pop can overstretch the ligaments). A note,
 * not a block: doing a stretch twice is not dangerous, making a habit of
 * forcing it is.
 */
import { addDays, type DayKey } from './day-key.ts';

/** What the guard needs to know about a session (the `sessions` store has more). */
export interface SessionTally {
  /** The local day it started. */
  day: DayKey;
  /** Times the checker flagged forcing (jerky, end-range pushing) during it. */
  forcingCount: number;
}

export interface OveruseOptions {
  /** Sessions already done today from which the note shows. Default 3. */
  sessionsPerDay: number;
  /** Forcing flags today, all sessions together, from which the note shows. Default 3. */
  forcingPerDay: number;
  /** Days (today included) over which forcing habits are counted. Default 7. */
  forcingWindowDays: number;
  /** Days in that window with any forcing from which the note shows. Default 3. */
  forcingDays: number;
}

/**
 * Defaults. These stretches are meant for once or twice a day; a third
 * session in a day is the point to pause and ask why. Three forcing flags in
 * a day, or forcing on three days of a week, is a pattern rather than a slip.
 */
export const DEFAULT_OVERUSE: Readonly<OveruseOptions> = {
  sessionsPerDay: 3,
  forcingPerDay: 3,
  forcingWindowDays: 7,
  forcingDays: 3,
};

export const OVERUSE_KINDS = ['many-sessions', 'repeated-forcing'] as const;
export type OveruseKind = (typeof OVERUSE_KINDS)[number];

export interface OveruseNote {
  kind: OveruseKind;
  /** Sessions today (many-sessions) or forcing flags in the window (repeated-forcing). */
  count: number;
}

/** The notes that apply on `today`, given past sessions. */
export function evaluateOveruse(
  sessions: readonly SessionTally[],
  today: DayKey,
  options: OveruseOptions = DEFAULT_OVERUSE,
): OveruseNote[] {
  const notes: OveruseNote[] = [];
  const todays = sessions.filter((s) => s.day === today);
  if (todays.length >= options.sessionsPerDay) {
    notes.push({ kind: 'many-sessions', count: todays.length });
  }
  const from = addDays(today, -(options.forcingWindowDays - 1));
  const inWindow = sessions.filter((s) => s.day >= from && s.day <= today);
  const forcingToday = todays.reduce((n, s) => n + s.forcingCount, 0);
  const forcingDays = new Set(inWindow.filter((s) => s.forcingCount > 0).map((s) => s.day)).size;
  if (forcingToday >= options.forcingPerDay || forcingDays >= options.forcingDays) {
    notes.push({
      kind: 'repeated-forcing',
      count: inWindow.reduce((n, s) => n + s.forcingCount, 0),
    });
  }
  return notes;
}
