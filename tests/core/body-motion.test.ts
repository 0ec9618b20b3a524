import { describe, expect, it } from 'vitest';
import { BodyMotion } from '../../src/core/body-motion.ts';
import { LANDMARK_NAMES } from '../../src/core/landmarks.ts';
import type { PoseFrame } from '../../src/core/pose-frame.ts';

const W = 1000;
const H = 1000;
/** Torso length in pixels the motion is measured against. */
const TORSO_PX = 200;

/** Every landmark seen at its own spot, shifted by (dx, dy) pixels; `restless` adds a jump to one wrist. */
function frame(tMs: number, dx: number, dy = 0, restlessPx = 0): PoseFrame {
  return {
    tMs,
    engine: 'mediapipe/lite',
    imageWidth: W,
    imageHeight: H,
    landmarks: LANDMARK_NAMES.map((name, i) => ({
      x: (300 + (i % 6) * 40 + dx + (name === 'left_wrist' ? restlessPx : 0)) / W,
      y: (200 + Math.floor(i / 6) * 60 + dy) / H,
      visibility: 0.9,
    })),
  };
}

function motionAfter(seconds: number, at: (tMs: number) => PoseFrame, everyMs = 33) {
  const m = new BodyMotion(1000);
  let last: number | undefined;
  for (let t = 0; t <= seconds * 1000; t += everyMs) last = m.update(at(t), TORSO_PX, t);
  return last;
}

describe('BodyMotion', () => {
  it('reads a still body as still', () => {
    expect(motionAfter(2, (t) => frame(t, 0))).toBeCloseTo(0, 6);
  });

  it('reads a body sliding at 0.5 torso lengths a second as that', () => {
    // 100 px/s over a 200 px torso.
    expect(motionAfter(2, (t) => frame(t, (t / 1000) * 100))).toBeCloseTo(0.5, 3);
  });

  it('one restless point does not move the median', () => {
    const jitter = (t: number) => frame(t, 0, 0, Math.round(t / 33) % 2 ? 40 : -40);
    const drifting = (t: number) => frame(t, 0, 0, (t / 1000) * 400);
    expect(motionAfter(2, jitter)).toBeCloseTo(0, 6);
    expect(motionAfter(2, drifting)).toBeCloseTo(0, 6);
  });

  it('is unknown until half the window has been seen, and after nobody is seen', () => {
    const m = new BodyMotion(1000);
    expect(m.update(frame(0, 0), TORSO_PX, 0)).toBeUndefined();
    expect(m.update(frame(100, 0), TORSO_PX, 100)).toBeUndefined();
    expect(m.update(frame(200, 0), TORSO_PX, 200)).toBeUndefined();
    for (let t = 233; t <= 600; t += 33) m.update(frame(t, 0), TORSO_PX, t);
    expect(m.update(frame(633, 0), TORSO_PX, 633)).toBeCloseTo(0, 6);
    expect(m.update(null, undefined, 666)).toBeUndefined();
    expect(m.update(frame(700, 0), TORSO_PX, 700)).toBeUndefined();
  });
});
