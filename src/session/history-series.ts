/**
 * The numbers History charts, from the stored sessions: per stretch and
 * side, good-form hold time per local day (the best hold and the total)
 * against the hold target; the twist's left/right balance per day; the
 * roller's pauses per session; and session markers. Pure: days come from
 * `dayOf` (the device's local calendar by default), nothing reads a clock.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { type DayKey, toDayKey } from '../safety/day-key.ts';
import type { HoldRecord, SessionRecord } from './storage-schema.ts';
import { sessionHolds } from './stored-session.ts';

/** The app's default hold target (coach-settings.ts), for sessions stored before the target was kept. */
export const FALLBACK_TARGET_S = 20;

export type HoldSide = 'left' | 'right';

/**
 * Good-form time of a hold, ms: the counted time where it was stored, else
 * (older sessions) first to last good frame, which includes short breaks.
 */
export function goodFormMs(h: HoldRecord): number {
  return h.heldMs ?? Math.max(0, h.endMs - h.startMs);
}

export interface DayHolds {
  day: DayKey;
  /** The longest hold's good-form time that day, ms. */
  bestMs: number;
  /** All holds' good-form time that day, ms. */
  totalMs: number;
  holds: number;
  /** Holds that reached their session's target. */
  reached: number;
}

export interface HoldSeries {
  exercise: ExerciseId;
  /** The twist's side; undefined for stretches without sides. */
  side?: HoldSide;
  /** Days with at least one hold, oldest first. */
  days: DayHolds[];
  /** The newest session's target, seconds: the line drawn on the chart. */
  targetS: number;
}

/** The day a hold counts on: the day it started (a hold across midnight stays on one day). */
function byDay<T>(items: readonly T[], day: (t: T) => DayKey): Map<DayKey, T[]> {
  const out = new Map<DayKey, T[]>();
  for (const t of items) {
    const d = day(t);
    const list = out.get(d);
    if (list) list.push(t);
    else out.set(d, [t]);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * One series per stretch (and per side for the twist) that has holds, in
 * the order foam roller, twist left, twist right, child's pose as they
 * appear; a twist hold stored without a side is left out of both sides.
 */
export function holdSeries(
  sessions: readonly SessionRecord[],
  dayOf: (ms: number) => DayKey = toDayKey,
): HoldSeries[] {
  type Hold = { h: HoldRecord; targetMs: number };
  const groups = new Map<string, { exercise: ExerciseId; side?: HoldSide; holds: Hold[] }>();
  const targets = new Map<string, { startedMs: number; targetS: number }>();
  const ordered = [...sessions].sort((a, b) => a.startedMs - b.startedMs);
  for (const s of ordered) {
    const targetS = s.report.holdTargetS;
    for (const h of sessionHolds(s)) {
      const sided = s.exercise === 'seated-twist';
      if (sided && !h.side) continue;
      const side = sided ? h.side : undefined;
      const key = `${s.exercise}:${side ?? ''}`;
      const group = groups.get(key) ?? {
        exercise: s.exercise,
        ...(side ? { side } : {}),
        holds: [],
      };
      group.holds.push({ h, targetMs: targetS * 1000 });
      groups.set(key, group);
      targets.set(key, { startedMs: s.startedMs, targetS });
    }
  }
  return [...groups.entries()].map(([key, g]) => ({
    exercise: g.exercise,
    ...(g.side ? { side: g.side } : {}),
    targetS: targets.get(key)!.targetS,
    days: [...byDay(g.holds, (x) => dayOf(x.h.startMs))].map(([day, list]) => {
      const times = list.map((x) => goodFormMs(x.h));
      return {
        day,
        bestMs: Math.max(...times),
        totalMs: times.reduce((a, b) => a + b, 0),
        holds: list.length,
        reached: list.filter((x) => goodFormMs(x.h) >= x.targetMs).length,
      };
    }),
  }));
}

export interface TwistBalanceDay {
  day: DayKey;
  leftMs: number;
  rightMs: number;
  /**
   * Left's share of the day's twist time, 0–1 (0.5 even); undefined when
   * neither side was held.
   */
  leftShare?: number;
}

/** The twist's good-form time per side per day (days with any twist hold). */
export function twistBalance(
  sessions: readonly SessionRecord[],
  dayOf: (ms: number) => DayKey = toDayKey,
): TwistBalanceDay[] {
  const holds = sessions
    .filter((s) => s.exercise === 'seated-twist')
    .flatMap((s) => sessionHolds(s).filter((h) => h.side));
  return [...byDay(holds, (h) => dayOf(h.startMs))].map(([day, list]) => {
    const sum = (side: HoldSide) =>
      list.filter((h) => h.side === side).reduce((a, h) => a + goodFormMs(h), 0);
    const leftMs = sum('left');
    const rightMs = sum('right');
    const both = leftMs + rightMs;
    return { day, leftMs, rightMs, ...(both > 0 ? { leftShare: leftMs / both } : {}) };
  });
}

export interface RollerSession {
  id: string;
  startedMs: number;
  day: DayKey;
  /** Pauses on a spot (the roller's holds). */
  pauses: number;
  /** Their good-form time together, ms. */
  totalMs: number;
}

/** Each foam-roller session, oldest first, with its pauses. */
export function rollerPauses(
  sessions: readonly SessionRecord[],
  dayOf: (ms: number) => DayKey = toDayKey,
): RollerSession[] {
  return sessions
    .filter((s) => s.exercise === 'foam-roller')
    .sort((a, b) => a.startedMs - b.startedMs)
    .map((s) => ({
      id: s.id,
      startedMs: s.startedMs,
      day: dayOf(s.startedMs),
      pauses: s.report.holds.length,
      totalMs: sessionHolds(s).reduce((a, h) => a + goodFormMs(h), 0),
    }));
}

export interface SessionMarker {
  id: string;
  exercise: ExerciseId;
  day: DayKey;
  startedMs: number;
}

/** Every session as a mark on the time axis, oldest first. */
export function sessionMarkers(
  sessions: readonly SessionRecord[],
  dayOf: (ms: number) => DayKey = toDayKey,
): SessionMarker[] {
  return [...sessions]
    .sort((a, b) => a.startedMs - b.startedMs)
    .map((s) => ({
      id: s.id,
      exercise: s.exercise,
      day: dayOf(s.startedMs),
      startedMs: s.startedMs,
    }));
}
