/**
 * Pain per day: the worst level logged on each day. The worst, not the mean,
 * because safety advice should follow the bad moments, and an "after" entry
 * that is higher than the "before" one is exactly what we want to see.
 */
import type { DayKey } from './day-key.ts';
import type { PainEntry } from './pain-entry.ts';

export interface DailyPain {
  day: DayKey;
  /** Highest level logged that day, 0–10. */
  worst: number;
  /** How many entries that day. */
  count: number;
}

/** One row per logged day, oldest first. */
export function dailyPain(entries: readonly PainEntry[]): DailyPain[] {
  const byDay = new Map<DayKey, DailyPain>();
  for (const e of entries) {
    const row = byDay.get(e.day);
    if (row) {
      row.worst = Math.max(row.worst, e.level);
      row.count++;
    } else {
      byDay.set(e.day, { day: e.day, worst: e.level, count: 1 });
    }
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
