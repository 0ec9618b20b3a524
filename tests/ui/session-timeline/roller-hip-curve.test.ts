/**
 * The roller's timeline curve is its hip lift, read from the report's
 * per-second `hipHeightThighs` (storage v2), and broken into runs where
 * the hips were not judged (off side views, nobody seen) or seconds are
 * missing: never one line across the gap, and the torso rotation the
 * report also carries is not what it draws.
 */
import { describe, expect, it } from 'vitest';
import { type ReportSecond, SESSION_REPORT_FORMAT } from '../../../src/session/session-report.ts';
import type { SessionRecord } from '../../../src/session/storage-schema.ts';
import {
  CURVE_MEASURE,
  DEFAULT_TIMELINE_BOX,
  layoutTimeline,
} from '../../../src/ui/session-timeline/timeline-layout.ts';

const T0 = 1_700_000_000_000;
// 100 units for the 10 s session from x = 20: 10 units a second.
const box = { ...DEFAULT_TIMELINE_BOX, width: 140, left: 20, right: 20 };

/** Second `s` of the report; `hip` undefined: the hip lift not judged that second. */
const second = (s: number, hip?: number): ReportSecond => ({
  tMs: s * 1000,
  usable: 1,
  frames: 10,
  metrics: { torsoRotationDeg: 25, ...(hip === undefined ? {} : { hipHeightThighs: hip }) },
});

function roller(perSecond: ReportSecond[]): SessionRecord {
  return {
    id: 'r',
    exercise: 'foam-roller',
    startedMs: T0,
    endedMs: T0 + 10_000,
    forcingCount: 0,
    report: {
      format: SESSION_REPORT_FORMAT,
      exercise: 'foam-roller',
      holdTargetS: 20,
      configVersion: 'test',
      appVersion: 'test',
      durationMs: 10_000,
      frames: 100,
      phases: [],
      holds: [{ startMs: 1000, endMs: 3000, goodMs: 2000, targetReached: false }],
      cues: [],
      sideSwitches: [],
      perSecond,
    },
  };
}

/** The points of an SVG run ("M20 80 L30 70"), as [x, y] pairs. */
const points = (run: string) =>
  run.split(' L').map((p) => p.replace('M', '').split(' ').map(Number) as [number, number]);

describe('the roller’s hip-lift curve on the timeline', () => {
  it('draws the hip lift in thigh lengths', () => {
    expect(CURVE_MEASURE['foam-roller']?.key).toBe('hipLiftThighs');
    expect(CURVE_MEASURE['foam-roller']?.axis).toMatch(/Hip lift \(thigh lengths/);
  });

  it('breaks the curve where the hips were not judged and where seconds are missing', () => {
    // Judged 0–2 s, not judged 3–4 s, judged 5–6 s, no seconds stored 7–9 s, judged at 10 s.
    const l = layoutTimeline(
      roller([
        second(0, 0.2),
        second(1, 0.3),
        second(2, 0.4),
        second(3),
        second(4),
        second(5, 0.5),
        second(6, 0.3),
        second(10, 0.2),
      ]),
      box,
    );
    expect(l.samples).toBe(8);
    expect(l.runs).toHaveLength(3);
    const [first, middle, last] = l.runs.map(points);
    expect(first!.map(([x]) => x)).toEqual([20, 30, 40]);
    expect(middle!.map(([x]) => x)).toEqual([70, 80]);
    // A lone second still shows, as a zero-length stroke at 10 s.
    expect(last!.map(([x]) => x)).toEqual([120, 120]);
    // No run reaches into a gap: nothing drawn between 2 and 5 s, nor between 6 and 10 s.
    const xs = l.runs.flatMap(points).map(([x]) => x);
    expect(xs.filter((x) => (x > 40 && x < 70) || (x > 80 && x < 120))).toEqual([]);
    // 3 and 4 s not judged (1 s each) and the 4 s hole before 10 s.
    expect(l.unknownMs).toBe(6000);
  });

  it('plots the hips from the floor up: higher lift, higher on the page', () => {
    const l = layoutTimeline(roller([second(0, 0), second(1, 0.5), second(2, 1)]), box);
    expect(l.range).toEqual([0, 1]);
    const ys = points(l.runs[0]!).map(([, y]) => y);
    const floor = l.curveTop + box.curveHeight;
    expect(ys[0]).toBe(floor);
    expect(ys[2]).toBe(l.curveTop);
    expect(ys[1]).toBeCloseTo((floor + l.curveTop) / 2, 1);
  });

  it('has no curve when the hips were never judged, the rotation notwithstanding', () => {
    const l = layoutTimeline(roller([second(0), second(1), second(2)]), box);
    expect(l.runs).toEqual([]);
    expect(l.unknownMs).toBe(2000);
  });
});
