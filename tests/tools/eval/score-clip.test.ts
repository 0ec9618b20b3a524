import { describe, expect, it } from 'vitest';
import { LANDMARK, LANDMARK_COUNT } from '../../../src/core/landmarks.ts';
import type { ClipTruth, FrameTruth } from '../scenes/truth-format.ts';
import { TRUTH_JOINTS } from '../scenes/truth-format.ts';
import {
  type LandmarkStream,
  STREAM_FORMAT,
  type StreamFrame,
} from '../streams/landmark-stream.ts';
import { scoreClip } from './score-clip.ts';

/** A 100×100 image; a 0.5 m torso at 80 px per metre is 40 px long. */
function truthFrame(t: number): FrameTruth {
  const joints = Object.fromEntries(
    TRUTH_JOINTS.map((n) => [
      n,
      [0.5, n.includes('shoulder') ? 0.3 : n.includes('hip') ? 0.7 : 0.9],
    ]),
  ) as FrameTruth['joints'];
  return {
    t,
    phase: 'holding',
    faults: [],
    joints,
    rotationDeg: 0,
    trunkLeanDeg: 0,
    hipHeightM: 0,
    hipHeightThighs: 0.8,
    pxPerM: 80,
    handsOnHead: false,
    palmsTogether: false,
    hipsBack: false,
  };
}

/** Landmarks at the truth, shifted right by `dx` px, all seen. */
function streamFrame(t: number, dx: number, usable: boolean, o: 0 | 1 = 0): StreamFrame {
  const truth = truthFrame(t);
  const p: number[] = new Array(LANDMARK_COUNT * 4).fill(0);
  for (const n of TRUTH_JOINTS) {
    const i = LANDMARK[n] * 4;
    p[i] = Math.round((truth.joints[n][0] + dx / 100) * 10000);
    p[i + 1] = Math.round(truth.joints[n][1] * 10000);
    p[i + 3] = 90;
  }
  return { t: t * 1000, o, u: usable ? 1 : 0, p };
}

describe('scoreClip', () => {
  const truth: ClipTruth = {
    format: 'spinewise-truth/1',
    scene: 'tiny',
    sceneHash: 'h',
    imageWidth: 100,
    imageHeight: 100,
    fps: 10,
    thighLengthM: 0.4,
    torsoLengthM: 0.5,
    frames: [0, 0.1, 0.2, 0.3].map(truthFrame),
  };
  const stream: LandmarkStream = {
    format: STREAM_FORMAT,
    scene: 'tiny',
    sceneHash: 'h',
    engine: 'mediapipe/lite',
    backend: 'CPU',
    imageWidth: 100,
    imageHeight: 100,
    plainUsable: '0011',
    frames: [
      streamFrame(0, 4, true, 1), // 4 px off = 0.1 torso lengths, found turned
      streamFrame(0.1, 20, true), // 20 px = 0.5 torso lengths: usable but off the body
      streamFrame(0.2, 0, true), // exact
      { t: 300, o: 0, u: 0 }, // nobody
    ],
  };

  it('counts usable, plain, on-body and turned frames, and the joint errors in torso lengths', () => {
    const s = scoreClip(stream, truth);
    expect(s.usable).toBe(0.75);
    expect(s.usablePlain).toBe(0.5);
    expect(s.onBody).toBe(0.5);
    expect(s.turned).toBe(0.25);
    // Per-frame medians 0.1, 0.5, 0 → median 0.1, p95 0.5.
    expect(s.jointErrorMedian).toBeCloseTo(0.1, 3);
    expect(s.jointErrorP95).toBeCloseTo(0.5, 3);
    // Hips at y 70 px, knees and ankles at 90 px: thigh 20 px, hips 20 px above the floor line
    // = 1 thigh length, against a true 0.8 in each of the three usable frames.
    expect(s.hipHeightError).toBeCloseTo(0.2, 6);
    expect(s.hipHeightKnown).toBe(1);
  });

  it('runs the exercise’s checker and recogniser when the clip names one', () => {
    expect(scoreClip(stream, truth)).toMatchObject({
      cuePrecision: Number.NaN,
      holdError: Number.NaN,
    });
    const s = scoreClip(stream, truth, 'childs-pose');
    // Standing shapes: no cue and no hold, against a scripted hold over all 4 frames (0–0.4 s).
    expect([s.cuePrecision, s.cueRecall]).toEqual([1, 1]);
    expect(s.holdError).toBeCloseTo(0.4, 9);
    expect(s.recognizedAfterS).toBeNaN();
    expect(s.recognizedWrong).toBe(0);
  });

  it('roller zone: a frame on the roller that the checker does not judge counts as wrong', () => {
    // The same standing figure, scripted as on a roller at 0.3: never in position, never judged.
    const onRoller = { ...truth, frames: truth.frames.map((f) => ({ ...f, rollerAt: 0.3 })) };
    expect(scoreClip(stream, onRoller, 'foam-roller').rollerZoneRight).toBe(0);
    // No roller in the truth: no zone figure.
    expect(scoreClip(stream, truth, 'foam-roller').rollerZoneRight).toBeNaN();
    expect(scoreClip(stream, truth, 'childs-pose').rollerZoneRight).toBeNaN();
  });

  it('refuses a stream that does not match the truth frame for frame', () => {
    expect(() => scoreClip({ ...stream, frames: stream.frames.slice(1) }, truth)).toThrow(
      '3 frames recorded, truth has 4',
    );
  });
});
