/**
 * The overuse guard: too many sessions in a day, or forcing again and again,
 * earns a clear note (chasing the pop can overstretch the ligaments). A note,
 * not a block: doing a stretch twice is not dangerous, making a habit of
 * forcing it is. A "session" here is one sitting (a round): the routine's
 * three stretches, or any run of different stretches back to back, count
 * once; the stretches within it are not sessions of their own.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { addDays, type DayKey } from './day-key.ts';

/** What the guard needs to know about a session (the `sessions` store has more). */
export interface SessionTally {
  /** The local day it started. */
  day: DayKey;
  /** Times the checker flagged forcing (jerky, end-range pushing) during it. */
  forcingCount: number;
  /** When it started and ended, ms since the epoch; without them it is a round of its own. */
  startedMs?: number;
  endedMs?: number;
  exercise?: ExerciseId;
}

export interface OveruseOptions {
  /** Rounds already done today from which the note shows. Default 3. */
  sessionsPerDay: number;
  /** A stretch starting within this long after the previous one ended is part of its round, ms. */
  roundGapMs: number;
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
  // Ten minutes: the routine's rests are half a minute, and moving the laptop
  // and settling into the next position takes a few minutes at most.
  roundGapMs: 10 * 60_000,
  forcingPerDay: 3,
  forcingWindowDays: 7,
  forcingDays: 3,
};

export const OVERUSE_KINDS = ['many-sessions', 'repeated-forcing'] as const;
export type OveruseKind = (typeof OVERUSE_KINDS)[number];

export interface OveruseNote {
  kind: OveruseKind;
  /** Rounds today (many-sessions) or forcing flags in the window (repeated-forcing). */
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
  const rounds = countRounds(todays, options.roundGapMs);
  if (rounds >= options.sessionsPerDay) {
    notes.push({ kind: 'many-sessions', count: rounds });
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

/**
 * Sittings among `sessions`: a session joins the round before it when it
 * starts within `gapMs` of that round's last end and its stretch is not yet
 * in the round (the same stretch again is a new round: that is repetition,
 * what the guard is for). Sessions without times are a round each.
 */
export function countRounds(sessions: readonly SessionTally[], gapMs: number): number {
  const timed = sessions
    .filter((s) => s.startedMs !== undefined)
    .sort((a, b) => (a.startedMs ?? 0) - (b.startedMs ?? 0));
  let rounds = sessions.length - timed.length;
  let lastEndMs = Number.NEGATIVE_INFINITY;
  let inRound = new Set<ExerciseId | undefined>();
  for (const s of timed) {
    const start = s.startedMs ?? 0;
    const joins =
      start - lastEndMs <= gapMs && !inRound.has(s.exercise) && s.exercise !== undefined;
    if (!joins) {
      rounds++;
      inRound = new Set();
    }
    inRound.add(s.exercise);
    lastEndMs = Math.max(lastEndMs, s.endedMs ?? start);
  }
  return rounds;
}
