/**
 * The persistence rule: reads the pain log and says when the pattern calls
 * for a professional (severe pain, a rising trend, no improvement over a few
 * days, pain in the arms or hands). Pure: `today` is an argument.
 */

import { dailyPain } from './daily-pain.ts';
import { addDays, type DayKey, daysBetween } from './day-key.ts';
import type { PainEntry } from './pain-entry.ts';
import type { PainFindingId } from './safety-rules.ts';

export interface PainPersistenceOptions {
  /** Pain at or above this level counts as severe (0–10). Default DEFAULT_SEVERE_LEVEL. */
  severeLevel: number;
  /** How many recent days (today included) a severe entry or arm pain counts. Default 3. */
  recentDays: number;
  /** The trend window in days, today included. Default 5 ("a few days"). */
  windowDays: number;
  /** Fewest logged days inside the window before any trend is judged. Default 3. */
  minLoggedDays: number;
  /** Least-squares slope of the daily worst level that counts as rising, points per day. Default 0.5. */
  risingSlopePerDay: number;
  /** Pain at or above this level on every logged day counts as real pain. Default 3. */
  persistentLevel: number;
  /** How far the last day must be below the first to count as improving, points. Default 2. */
  minImprovement: number;
}

/**
 * Defaults. Severe at 7: on the 0–10 scale, 7–10 is the band usually called
 * severe. A 5-day window with 3 logged days matches "a few days". Rising at
 * half a point a day is two points over the window, more than day-to-day
 * noise of one point. Improving means at least 2 points lower than at the
 * start of the window, the smallest change people reliably feel.
 */
export const DEFAULT_PAIN_PERSISTENCE: Readonly<PainPersistenceOptions> = {
  severeLevel: 7,
  recentDays: 3,
  windowDays: 5,
  minLoggedDays: 3,
  risingSlopePerDay: 0.5,
  persistentLevel: 3,
  minImprovement: 2,
};

export interface PainFinding {
  id: PainFindingId;
  /** The days whose entries produced it, oldest first. */
  days: DayKey[];
}

/** Least-squares slope of y against x; 0 with fewer than two points. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * What the pain log says as of `today`. Entries logged at or before
 * `sinceMs` are ignored: a clinician's clearance starts the log afresh, so
 * the rule only fires again on new evidence. Entries dated after `today`
 * are ignored too. At most one trend finding: "rising" says more than "not
 * improving", so it replaces it.
 */
export function evaluatePainLog(
  entries: readonly PainEntry[],
  today: DayKey,
  sinceMs = Number.NEGATIVE_INFINITY,
  options: PainPersistenceOptions = DEFAULT_PAIN_PERSISTENCE,
): PainFinding[] {
  const fresh = entries.filter((e) => e.atMs > sinceMs && daysBetween(e.day, today) >= 0);
  const findings: PainFinding[] = [];

  const recentFrom = addDays(today, -(options.recentDays - 1));
  const recent = fresh.filter((e) => e.day >= recentFrom);
  const severeDays = dailyPain(recent.filter((e) => e.level >= options.severeLevel));
  if (severeDays.length > 0) {
    findings.push({ id: 'log-pain-severe', days: severeDays.map((d) => d.day) });
  }
  const armDays = dailyPain(
    recent.filter((e) => e.locations.includes('arms-or-hands') && e.level > 0),
  );
  if (armDays.length > 0) {
    findings.push({ id: 'log-pain-into-arms', days: armDays.map((d) => d.day) });
  }

  const windowFrom = addDays(today, -(options.windowDays - 1));
  const days = dailyPain(fresh.filter((e) => e.day >= windowFrom));
  if (days.length >= options.minLoggedDays) {
    const first = days[0]!;
    const last = days[days.length - 1]!;
    const trend = slope(days.map((d) => ({ x: daysBetween(first.day, d.day), y: d.worst })));
    const logged = days.map((d) => d.day);
    if (trend >= options.risingSlopePerDay && last.worst > first.worst) {
      findings.push({ id: 'log-pain-rising', days: logged });
    } else if (
      days.every((d) => d.worst >= options.persistentLevel) &&
      first.worst - last.worst < options.minImprovement
    ) {
      findings.push({ id: 'log-pain-not-improving', days: logged });
    }
  }
  return findings;
}
