import { describe, expect, it } from 'vitest';
import { type ChartBox, layoutPainChart } from '../../../src/ui/pain-chart/chart-layout.ts';

/** A 100×100 plot at the origin: x = day index × 100/(days−1), y = 100 − level × 10. */
const BOX: ChartBox = { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 };
const TODAY = '2026-03-10';

describe('layoutPainChart', () => {
  it('places each logged day by its date and level', () => {
    const l = layoutPainChart(
      [
        { day: '2026-03-06', worst: 0, count: 1 },
        { day: '2026-03-08', worst: 5, count: 2 },
        { day: '2026-03-10', worst: 10, count: 1 },
      ],
      TODAY,
      5,
      BOX,
      1,
    );
    expect(l.points.map((p) => [p.x, p.y])).toEqual([
      [0, 100],
      [50, 50],
      [100, 0],
    ]);
    expect(l.path).toBe('M0 100 L50 50 L100 0');
    expect(l.xTicks.map((t) => t.label)).toEqual(['6', '7', '8', '9', '10']);
    expect(l.yTicks).toEqual([
      { level: 0, y: 100 },
      { level: 5, y: 50 },
      { level: 10, y: 0 },
    ]);
  });

  it('leaves out days outside the window, draws no line for a single point', () => {
    const l = layoutPainChart(
      [
        { day: '2026-03-01', worst: 4, count: 1 },
        { day: '2026-03-09', worst: 4, count: 1 },
        { day: '2026-03-11', worst: 4, count: 1 },
      ],
      TODAY,
      5,
      BOX,
    );
    expect(l.points.map((p) => p.day)).toEqual(['2026-03-09']);
    expect(l.path).toBe('');
  });

  it('labels about seven days of a fortnight, today always included', () => {
    const l = layoutPainChart([], TODAY);
    expect(l.xTicks).toHaveLength(7);
    expect(l.xTicks.at(-1)?.day).toBe(TODAY);
    expect(l.xTicks[0]?.day).toBe('2026-02-26');
  });
});
