/**
 * Calendar days as `YYYY-MM-DD` keys in the device's local time zone.
 * Pure: the caller passes the time (ms since the epoch); nothing here reads
 * a clock. The same key is used by the pain log, the daily check and the
 * "not today" rule, so "tomorrow" means the next calendar day for the person.
 */

/** A local calendar day, `YYYY-MM-DD`. */
export type DayKey = string;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The local calendar day that contains `ms`. */
export function toDayKey(ms: number): DayKey {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** True for a well-formed key of a real date (`2026-02-30` is not). */
export function isDayKey(value: string): value is DayKey {
  const m = DAY_KEY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d;
}

/** Whole days since 1970-01-01 for a day key (time zone free: calendar arithmetic only). */
export function dayNumber(key: DayKey): number {
  if (!isDayKey(key)) throw new Error(`"${key}" is not a day key; expected YYYY-MM-DD`);
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The key `n` calendar days after `key` (negative `n` goes back). */
export function addDays(key: DayKey, n: number): DayKey {
  const date = new Date((dayNumber(key) + n) * MS_PER_DAY);
  return date.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return dayNumber(to) - dayNumber(from);
}
