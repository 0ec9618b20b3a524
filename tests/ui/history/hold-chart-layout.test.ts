/**
 * The hold chart's geometry: the same 14 days as the pain chart, a bar per
 * day at its total, the best hold's dot, the target line, pain on its own
 * 0–10 scale, and sessions of one day side by side.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOLD_CHART_BOX,
  layoutHoldChart,
} from '../../../src/ui/history/hold-chart-layout.ts';

// 10 days of 10 units each from x = 40; plot 100 high from y = 10 (so 0 s at y = 110).
const box = {
  ...DEFAULT_HOLD_CHART_BOX,
  width: 140,
  left: 40,
  right: 0,
  height: 150,
  top: 10,
  bottom: 40,
};

describe('hold chart layout', () => {
  const days = [
    { day: '2026-03-08', bestMs: 20_000, totalMs: 40_000, holds: 2, reached: 1 },
    // Outside the window: left out.
    { day: '2026-02-01', bestMs: 5000, totalMs: 5000, holds: 1, reached: 0 },
  ];
  const l = layoutHoldChart(
    days,
    20,
    '2026-03-10',
    [{ day: '2026-03-08', worst: 5, count: 1 }],
    [
      { id: 'a', exercise: 'seated-twist', day: '2026-03-08', startedMs: 0 },
      { id: 'b', exercise: 'seated-twist', day: '2026-03-08', startedMs: 1 },
    ],
    10,
    box,
  );

  it('scales seconds to a round top above the largest total', () => {
    // 40 s × 1.05 = 42, in steps of 15: 45.
    expect(l.maxS).toBe(45);
    expect(l.yTicks.map((t) => t.s)).toEqual([0, 15, 30, 45]);
  });

  it('places the day, its bar, best dot, target and pain', () => {
    expect(l.days).toHaveLength(1);
    const d = l.days[0]!;
    // 8 Mar is day 8 of 10 (1 Mar … 10 Mar): the middle of slot 7.
    expect(d.x).toBe(115);
    expect(d.barY).toBe(21.1); // 110 − 40/45 × 100
    expect(d.barH).toBe(88.9);
    expect(d.bestY).toBe(65.6); // 110 − 20/45 × 100
    expect(l.targetY).toBe(65.6);
    expect(l.painPoints).toEqual([{ day: '2026-03-08', x: 115, y: 60, worst: 5 }]);
    expect(l.xTicks.at(-1)).toEqual({ day: '2026-03-10', x: 135, label: '10' });
  });

  it('sets two sessions of one day side by side', () => {
    expect(l.markers.map((m) => m.x)).toEqual([112.5, 117.5]);
  });
});
