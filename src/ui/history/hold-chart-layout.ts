/**
 * Where a hold chart's marks go: per day over the same window as the pain
 * chart (the last DEFAULT_CHART_DAYS days to today), a bar for the day's
 * total good-form time, a dot for its best hold, the target as a line, the
 * worst pain of each day on a 0–10 scale at the right, and a tick for each
 * session. Pure geometry, tested without a browser.
 */
import type { DailyPain } from '../../safety/daily-pain.ts';
import { type DayKey, daysBetween } from '../../safety/day-key.ts';
import { PAIN_MAX } from '../../safety/pain-entry.ts';
import type { DayHolds, SessionMarker } from '../../session/history-series.ts';
import {
  type ChartBox,
  dayTicks,
  dayWindow,
  polylinePath,
  roundTenth as round,
} from '../chart/day-axis.ts';
import { DEFAULT_CHART_DAYS } from '../pain-chart/chart-layout.ts';

export type HoldChartBox = ChartBox;

export const DEFAULT_HOLD_CHART_BOX: Readonly<HoldChartBox> = {
  width: 640,
  height: 230,
  left: 40,
  right: 34,
  top: 14,
  bottom: 40,
};

export interface HoldChartDay {
  day: DayKey;
  x: number;
  /** The total's bar. */
  barY: number;
  barH: number;
  /** The best hold's dot. */
  bestY: number;
  data: DayHolds;
}

export interface HoldChartLayout {
  days: HoldChartDay[];
  barW: number;
  targetY: number;
  /** Top of the seconds axis, s. */
  maxS: number;
  yTicks: { s: number; y: number }[];
  xTicks: { day: DayKey; x: number; label: string }[];
  painPoints: { day: DayKey; x: number; y: number; worst: number }[];
  painPath: string;
  painTicks: { level: number; y: number }[];
  markers: { x: number; marker: SessionMarker }[];
  markerY: number;
}

export function layoutHoldChart(
  data: readonly DayHolds[],
  targetS: number,
  today: DayKey,
  pain: readonly DailyPain[] = [],
  markers: readonly SessionMarker[] = [],
  days = DEFAULT_CHART_DAYS,
  box: HoldChartBox = DEFAULT_HOLD_CHART_BOX,
): HoldChartLayout {
  const span = dayWindow(today, days);
  const inWindow = span.has;
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  // Each day a slot; the bar and marks sit in its middle.
  const slot = plotW / days;
  const xOf = (day: DayKey) => round(box.left + (daysBetween(span.first, day) + 0.5) * slot);
  const shown = data.filter((d) => inWindow(d.day));
  const top = Math.max(targetS, ...shown.map((d) => d.totalMs / 1000));
  const step = top <= 30 ? 10 : top <= 60 ? 15 : top <= 150 ? 30 : 60;
  const maxS = Math.ceil((top * 1.05) / step) * step;
  const yOf = (s: number) => round(box.top + plotH - (s / maxS) * plotH);
  const painY = (level: number) => round(box.top + plotH - (level / PAIN_MAX) * plotH);

  const yTicks = [];
  for (let s = 0; s <= maxS; s += step) yTicks.push({ s, y: yOf(s) });
  const xTicks = dayTicks(today, days, xOf);
  const painPoints = pain
    .filter((p) => inWindow(p.day))
    .map((p) => ({ day: p.day, x: xOf(p.day), y: painY(p.worst), worst: p.worst }));
  return {
    days: shown.map((d) => ({
      day: d.day,
      x: xOf(d.day),
      barY: yOf(d.totalMs / 1000),
      barH: round(yOf(0) - yOf(d.totalMs / 1000)),
      bestY: yOf(d.bestMs / 1000),
      data: d,
    })),
    barW: round(slot * 0.55),
    targetY: yOf(targetS),
    maxS,
    yTicks,
    xTicks,
    painPoints,
    painPath: polylinePath(painPoints),
    painTicks: [0, 5, 10].map((level) => ({ level, y: painY(level) })),
    markers: spread(
      markers.filter((m) => inWindow(m.day)),
      xOf,
    ),
    markerY: box.height - box.bottom + 8,
  };
}

/** Sessions on the same day sit side by side around the day's middle, 5 units apart. */
function spread(markers: readonly SessionMarker[], xOf: (day: DayKey) => number) {
  const perDay = new Map<DayKey, number>();
  for (const m of markers) perDay.set(m.day, (perDay.get(m.day) ?? 0) + 1);
  const seen = new Map<DayKey, number>();
  return markers.map((marker) => {
    const k = seen.get(marker.day) ?? 0;
    seen.set(marker.day, k + 1);
    const n = perDay.get(marker.day)!;
    return { x: round(xOf(marker.day) + (k - (n - 1) / 2) * 5), marker };
  });
}
