import { describe, expect, it } from 'vitest';
import type { DayKey } from '../../../src/safety/day-key.ts';
import { dayTicks, dayWindow, polylinePath } from '../../../src/ui/chart/day-axis.ts';

const TODAY = '2026-03-14' as DayKey;

describe('day axis', () => {
  it('holds exactly the last `days` days, today included', () => {
    const span = dayWindow(TODAY, 14);
    expect(span.first).toBe('2026-03-01');
    expect(span.has('2026-03-01' as DayKey)).toBe(true);
    expect(span.has(TODAY)).toBe(true);
    expect(span.has('2026-02-28' as DayKey)).toBe(false);
    expect(span.has('2026-03-15' as DayKey)).toBe(false);
  });

  it('labels today and every second day back from it, oldest first', () => {
    const ticks = dayTicks(TODAY, 14, (d) => Number(d.slice(8)) * 1.234);
    expect(ticks.map((t) => t.label)).toEqual(['2', '4', '6', '8', '10', '12', '14']);
    expect(ticks.at(-1)).toEqual({ day: TODAY, x: 17.3, label: '14' });
  });

  it('draws no line through fewer than two points', () => {
    expect(polylinePath([{ x: 1, y: 2 }])).toBe('');
    expect(
      polylinePath([
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ]),
    ).toBe('M1 2 L3 4');
  });
});
