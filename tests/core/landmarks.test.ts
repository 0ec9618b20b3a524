import { describe, expect, it } from 'vitest';
import {
  isLandmarkName,
  LANDMARK,
  LANDMARK_COUNT,
  LANDMARK_NAMES,
  SKELETON_SEGMENTS,
} from '../../src/core/landmarks.ts';

describe('landmark table', () => {
  it('matches BlazePose order at the indices EXERCISES.md names', () => {
    expect(LANDMARK_COUNT).toBe(33);
    const expected: [string, number][] = [
      ['nose', 0],
      ['left_ear', 7],
      ['right_ear', 8],
      ['left_shoulder', 11],
      ['right_shoulder', 12],
      ['left_elbow', 13],
      ['right_elbow', 14],
      ['left_wrist', 15],
      ['right_wrist', 16],
      ['left_hip', 23],
      ['right_hip', 24],
      ['left_knee', 25],
      ['right_knee', 26],
      ['left_ankle', 27],
      ['right_ankle', 28],
      ['left_heel', 29],
      ['right_heel', 30],
      ['left_foot_index', 31],
      ['right_foot_index', 32],
    ];
    for (const [name, index] of expected)
      expect(LANDMARK[name as keyof typeof LANDMARK], name).toBe(index);
  });

  it('knows its own names and nothing else', () => {
    expect(LANDMARK_NAMES.every(isLandmarkName)).toBe(true);
    expect(isLandmarkName('toString')).toBe(false);
    expect(isLandmarkName('left_tail')).toBe(false);
    for (const [a, b] of SKELETON_SEGMENTS)
      expect(isLandmarkName(a) && isLandmarkName(b)).toBe(true);
  });
});
