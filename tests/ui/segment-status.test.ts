import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT } from '../../src/core/landmarks.ts';
import type { PoseFrame } from '../../src/core/pose-frame.ts';
import type { Verdict } from '../../src/exercises/checker.ts';
import { ScreenVerdictTracker } from '../../src/feedback/screen-verdict.ts';
import { segmentStatuses } from '../../src/ui/live-session/segment-status.ts';

const frame = (visibility = 0.9): PoseFrame => ({
  tMs: 0,
  engine: 'mediapipe/lite',
  imageWidth: 10,
  imageHeight: 10,
  landmarks: Array.from({ length: LANDMARK_COUNT }, () => ({ x: 0.5, y: 0.5, visibility })),
});

/** The screen verdict of one frame with this checker verdict (as the pipeline makes it). */
const screen = (raised: Verdict['raised'], phase: Verdict['phase'] = 'in-position') =>
  new ScreenVerdictTracker('childs-pose').update({
    tMs: 0,
    verdict: { phase, raised, formGood: raised.length === 0, metrics: {} },
  });

const statusOf = (segments: ReturnType<typeof segmentStatuses>, from: string, to: string) =>
  segments.find((s) => s.from === from && s.to === to)?.status;

describe('segmentStatuses', () => {
  it('a hips cue turns the thighs off and leaves the arms good', () => {
    const s = segmentStatuses(frame(), screen(['hips-back']));
    expect(statusOf(s, 'left_hip', 'left_knee')).toBe('off');
    expect(statusOf(s, 'left_elbow', 'left_wrist')).toBe('good');
  });

  it('an arms cue turns the forearms off', () => {
    const s = segmentStatuses(frame(), screen(['palms-together']));
    expect(statusOf(s, 'right_elbow', 'right_wrist')).toBe('off');
    expect(statusOf(s, 'right_hip', 'right_knee')).toBe('good');
  });

  it('a fault raised where the rest is not judged: its part orange, the rest idle', () => {
    const s = segmentStatuses(frame(), screen(['turn-further'], 'resting'));
    expect(statusOf(s, 'left_shoulder', 'left_hip')).toBe('off');
    expect(statusOf(s, 'left_hip', 'left_knee')).toBe('idle');
  });

  it('praise raised turns nothing orange', () => {
    const s = segmentStatuses(frame(), screen(['good-hold'], 'holding'));
    expect(new Set(s.map((x) => x.status))).toEqual(new Set(['good']));
  });

  it('unseen points are unknown; nothing judged (setup, resting, no checker) is idle', () => {
    expect(new Set(segmentStatuses(frame(0.2), screen([])).map((s) => s.status))).toEqual(
      new Set(['unknown']),
    );
    expect(new Set(segmentStatuses(frame(), screen([], 'resting')).map((s) => s.status))).toEqual(
      new Set(['idle']),
    );
    expect(new Set(segmentStatuses(frame(), undefined).map((s) => s.status))).toEqual(
      new Set(['idle']),
    );
  });
});
