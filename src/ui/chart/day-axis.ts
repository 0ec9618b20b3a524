/**
 * The day axis the pain chart and the hold chart share: a window of calendar
 * days ending today, its labels (counted back from today so today always has
 * one) and a polyline through dated points. Pure, tested without a browser.
 */
import { addDays, type DayKey, daysBetween } from '../../safety/day-key.ts';

/** SVG viewBox size and the room kept for axis labels, in user units. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** To a tenth of a unit: short SVG text, and stable numbers for tests. */
export const roundTenth = (v: number): number => Math.round(v * 10) / 10;

export interface DayWindow {
  first: DayKey;
  /** Whether a day falls inside the window, both ends included. */
  has: (day: DayKey) => boolean;
}

export function dayWindow(today: DayKey, days: number): DayWindow {
  const first = addDays(today, -(days - 1));
  return { first, has: (day) => daysBetween(first, day) >= 0 && daysBetween(day, today) >= 0 };
}

/** A label every `every` days (default: about seven labels), the day of the month. */
export function dayTicks(
  today: DayKey,
  days: number,
  xOf: (day: DayKey) => number,
  every = Math.max(1, Math.ceil(days / 7)),
): { day: DayKey; x: number; label: string }[] {
  const ticks = [];
  for (let i = 0; i < days; i += every) {
    const day = addDays(today, -i);
    ticks.unshift({ day, x: roundTenth(xOf(day)), label: String(Number(day.slice(8))) });
  }
  return ticks;
}

/** An SVG path through the points in order; empty with fewer than two. */
export function polylinePath(points: readonly { x: number; y: number }[]): string {
  return points.length < 2
    ? ''
    : points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}
