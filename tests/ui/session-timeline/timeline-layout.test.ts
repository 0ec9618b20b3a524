/**
 * The timeline's geometry on a hand-built session: bars where the holds
 * are, cue marks at their times, and the curve broken into runs wherever
 * the measure was unknown or samples are missing, never bridged.
 */
import { describe, expect, it } from 'vitest';
import { migrateSessionV1, type SessionRecordV1 } from '../../../src/session/session-v1.ts';
import type { SessionRecord } from '../../../src/session/storage-schema.ts';
import {
  clock,
  DEFAULT_TIMELINE_BOX,
  layoutTimeline,
} from '../../../src/ui/session-timeline/timeline-layout.ts';

const T0 = 1_700_000_000_000;
const box = { ...DEFAULT_TIMELINE_BOX, width: 140, left: 20, right: 20 }; // 100 units for the whole session

/** Written as storage v1 kept sessions (epoch times), then migrated as the database upgrade does. */
function twist(metrics: SessionRecordV1['metrics']): SessionRecord {
  return migrateSessionV1({
    id: 'a',
    exercise: 'seated-twist',
    startedMs: T0,
    endedMs: T0 + 10_000,
    holds: [{ startMs: T0 + 1000, endMs: T0 + 4000, heldMs: 2500, side: 'left' }],
    forcingCount: 0,
    cues: [{ atMs: T0 + 5000, code: 'ease-off' }],
    metrics,
  });
}

describe('session timeline layout', () => {
  it('puts holds and cues on the time axis', () => {
    const l = layoutTimeline(twist([]), box);
    expect(l.durationMs).toBe(10_000);
    // 10 units a second from x = 20.
    expect(l.holds).toEqual([
      { index: 0, x: 30, width: 30, side: 'left', heldMs: 2500, startS: 1 },
    ]);
    expect(l.cues.map((c) => [c.x, c.atS, c.cue.code])).toEqual([[70, 5, 'ease-off']]);
    expect(l.runs).toEqual([]);
  });

  it('draws unknown stretches and missing samples as gaps', () => {
    const at = (s: number, rotationDeg?: number) => ({
      atMs: T0 + s * 1000,
      ...(rotationDeg === undefined ? {} : { rotationDeg }),
    });
    // Known 0–2 s, unknown 3–4 s, known 5–6 s, nothing stored 7–9 s, known at 10 s.
    const l = layoutTimeline(
      twist([at(0, 0), at(1, 10), at(2, 20), at(3), at(4), at(5, 0), at(6, -10), at(10, 30)]),
      box,
    );
    expect(l.runs).toHaveLength(3);
    expect(l.runs[0]!.split(' L').length).toBe(3);
    expect(l.runs[1]!.split(' L').length).toBe(2);
    // A lone sample still shows, as a zero-length stroke.
    expect(l.runs[2]).toMatch(/^M120 [\d.]+ L120 [\d.]+$/);
    // 3 and 4 s unknown (1 s each) and the 4 s hole before 10 s.
    expect(l.unknownMs).toBe(6000);
    // Rotation drawn around 0, at least ±30°.
    expect(l.range[0]).toBeLessThanOrEqual(-30);
    expect(l.range[1]).toBeGreaterThanOrEqual(30);
  });

  it('has no curve for child’s pose, and a session still running ends at its last mark', () => {
    const s: SessionRecord = migrateSessionV1({
      id: 'c',
      exercise: 'childs-pose',
      startedMs: T0,
      holds: [{ startMs: T0, endMs: T0 + 20_000 }],
      forcingCount: 0,
      metrics: [{ atMs: T0 + 30_000 }],
    });
    const l = layoutTimeline(s, box);
    expect(l.durationMs).toBe(30_000);
    expect(l.runs).toEqual([]);
    expect(l.holds[0]!.heldMs).toBe(20_000);
  });

  it('writes times as minutes and seconds', () => {
    expect([clock(0), clock(5), clock(75), clock(600)]).toEqual(['0:00', '0:05', '1:15', '10:00']);
  });
});
