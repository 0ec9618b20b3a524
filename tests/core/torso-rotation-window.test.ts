import { describe, expect, it } from 'vitest';
import { LANDMARK_NAMES } from '../../src/core/landmarks.ts';
import type { PoseFrame } from '../../src/core/pose-frame.ts';
import {
  frameRotationInputs,
  TorsoRotationWindow,
  type WindowRotationModel,
  windowInputs,
} from '../../src/core/torso-rotation-window.ts';

/** A seated person square to the camera: image points in pixels and world points in metres. */
function frame(
  tMs: number,
  shift = 0,
  options: { world?: boolean; hide?: string[] } = {},
): PoseFrame {
  const image: Record<string, [number, number]> = {
    nose: [320, 80],
    left_shoulder: [360, 140],
    right_shoulder: [280, 140],
    left_hip: [350, 260],
    right_hip: [290, 260],
  };
  const world: Record<string, [number, number, number]> = {
    nose: [0, -0.6, -0.05],
    left_shoulder: [0.18, -0.45, 0],
    right_shoulder: [-0.18, -0.45, 0],
    left_hip: [0.12, 0, 0],
    right_hip: [-0.12, 0, 0],
  };
  const hidden = new Set(options.hide ?? []);
  return {
    tMs,
    engine: 'mediapipe/lite',
    imageWidth: 640,
    imageHeight: 480,
    landmarks: LANDMARK_NAMES.map((n) => {
      const p = image[n];
      return p && !hidden.has(n)
        ? { x: (p[0] + shift) / 640, y: p[1] / 480, visibility: 0.99 }
        : null;
    }),
    ...(options.world === false
      ? {}
      : {
          world: LANDMARK_NAMES.map((n) => {
            const w = world[n];
            return w ? { x: w[0], y: w[1], z: w[2] } : null;
          }),
        }),
  };
}

/** A model whose output is (1, sum of the window-mean inputs): its angle shows what the mean held. */
function meanProbe(windowMs: number, inputs: number): WindowRotationModel {
  const weights = Array.from({ length: inputs * 2 * 2 }, (_, k) => {
    const i = Math.floor(k / 2);
    return k % 2 === 1 && i >= inputs ? 1 : 0;
  });
  return { windowMs, layers: [{ weights, bias: [1, 0] }] };
}

describe('frameRotationInputs', () => {
  it('gives the 2D inputs, then world points from the world mid-hip in world torso lengths, then a world flag', () => {
    const x = frameRotationInputs(frame(0))!;
    expect(x).toHaveLength(39 + 39 + 1);
    // World torso: mid-shoulder (0, -0.45, 0) to mid-hip (0, 0, 0) = 0.45 m; the left shoulder at (0.4, -1, 0).
    expect(x.slice(39 + 3, 39 + 6).map((v) => Number(v.toFixed(6)))).toEqual([0.4, -1, 0]);
    expect(x.at(-1)).toBe(1);
  });

  it('leaves the world part at zero, flag off, without world points', () => {
    const x = frameRotationInputs(frame(0, 0, { world: false }))!;
    expect(x.slice(39)).toEqual(new Array(40).fill(0));
  });

  it('needs the four trunk points seen', () => {
    expect(frameRotationInputs(frame(0, 0, { hide: ['left_hip'] }))).toBeUndefined();
  });
});

describe('windowInputs', () => {
  it('appends the mean of the window to the current inputs', () => {
    expect(
      windowInputs(
        [1, 4],
        [
          [3, 0],
          [1, 4],
        ],
      ),
    ).toEqual([1, 4, 2, 2]);
  });
});

describe('TorsoRotationWindow', () => {
  const n = 79;

  it('is undefined without the trunk, and for a missing frame', () => {
    const w = new TorsoRotationWindow(meanProbe(500, n));
    expect(w.next(frame(0, 0, { hide: ['right_shoulder'] }), 0)).toBeUndefined();
    expect(w.next(null, 100)).toBeUndefined();
  });

  it('averages only the frames of the last windowMs', () => {
    // The image inputs are hip-relative, so a shifted frame has the same inputs: the probe reads
    // the window's mean of a constant, whatever the count — unless a frame without world points
    // is averaged in, which lowers the world part of the mean.
    const alone = new TorsoRotationWindow(meanProbe(500, n)).next(frame(1000), 1000);
    const w = new TorsoRotationWindow(meanProbe(500, n));
    w.next(frame(0, 0, { world: false }), 0);
    const mixed = new TorsoRotationWindow(meanProbe(500, n));
    mixed.next(frame(800, 0, { world: false }), 800);
    expect(w.next(frame(1000), 1000)).toBeCloseTo(alone!, 9); // 0 ms fell out of the window
    expect(mixed.next(frame(1000), 1000)).not.toBeCloseTo(alone!, 3); // 800 ms is still in it
  });
});
