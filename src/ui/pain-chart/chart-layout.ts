/**
 * Where the pain chart's marks go: pure geometry from the daily worst levels
 * to SVG coordinates, so it can be tested without a browser.
 */

import type { DailyPain } from '../../safety/daily-pain.ts';
import { type DayKey, daysBetween } from '../../safety/day-key.ts';
import { PAIN_MAX } from '../../safety/pain-entry.ts';
import { type ChartBox, dayTicks, dayWindow, polylinePath, roundTenth } from '../chart/day-axis.ts';

export type { ChartBox } from '../chart/day-axis.ts';

/** Default box: a wide, short chart that scales to its container. */
export const DEFAULT_CHART_BOX: Readonly<ChartBox> = {
  width: 640,
  height: 220,
  left: 34,
  right: 12,
  top: 12,
  bottom: 30,
};

/** Days shown by default: two weeks, enough to see a trend over "a few days" and a bit before. */
export const DEFAULT_CHART_DAYS = 14;

export interface ChartPoint {
  day: DayKey;
  worst: number;
  x: number;
  y: number;
}

export interface ChartLayout {
  points: ChartPoint[];
  /** SVG path through the points, oldest first; empty with fewer than two. */
  path: string;
  /** Day labels on the x axis. */
  xTicks: { day: DayKey; x: number; label: string }[];
  /** Level labels on the y axis. */
  yTicks: { level: number; y: number }[];
  /** Maps a level to y, for bands and guide lines. */
  yOf: (level: number) => number;
}

/**
 * Lays out `days` calendar days ending `today`; entries outside are left out.
 * @param tickEvery a label every this many days (default: about 7 labels)
 */
export function layoutPainChart(
  daily: readonly DailyPain[],
  today: DayKey,
  days = DEFAULT_CHART_DAYS,
  box: ChartBox = DEFAULT_CHART_BOX,
  tickEvery = Math.max(1, Math.ceil(days / 7)),
): ChartLayout {
  const span = dayWindow(today, days);
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const xOf = (day: DayKey) =>
    box.left + (days === 1 ? plotW / 2 : (daysBetween(span.first, day) / (days - 1)) * plotW);
  const yOf = (level: number) => box.top + plotH - (level / PAIN_MAX) * plotH;

  const points = daily
    .filter((d) => span.has(d.day))
    .map((d) => ({
      day: d.day,
      worst: d.worst,
      x: roundTenth(xOf(d.day)),
      y: roundTenth(yOf(d.worst)),
    }));
  const path = polylinePath(points);
  const xTicks = dayTicks(today, days, xOf, tickEvery);
  const yTicks = [0, 5, 10].map((level) => ({ level, y: roundTenth(yOf(level)) }));
  return { points, path, xTicks, yTicks, yOf };
}
