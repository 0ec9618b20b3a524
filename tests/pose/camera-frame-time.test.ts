/** A camera frame's stamp: its capture time where the browser gives one that can be right, else the grab's. */
import { describe, expect, it } from 'vitest';
import { cameraFrameTimeMs, OLDEST_CAPTURE_MS } from '../../src/pose/camera-frame-time.ts';

describe('cameraFrameTimeMs', () => {
  it('takes captureTime (Chromium on a camera stream), not the later grab', () => {
    // As measured on the fake camera under load: captured 2341.8, shown 2343.4, grabbed 2569.0.
    expect(cameraFrameTimeMs({ captureTime: 2341.8, presentationTime: 2343.4 }, 2569)).toBe(2341.8);
  });

  it('falls back to presentationTime without captureTime, and to the grab without metadata', () => {
    expect(cameraFrameTimeMs({ presentationTime: 1052 }, 1086.5)).toBe(1052);
    expect(cameraFrameTimeMs(undefined, 1086.5)).toBe(1086.5);
    expect(cameraFrameTimeMs({}, 1086.5)).toBe(1086.5);
  });

  it('does not trust a stamp after the grab, implausibly old, or not a number', () => {
    expect(cameraFrameTimeMs({ captureTime: 1100, presentationTime: 1050 }, 1086.5)).toBe(1050);
    expect(cameraFrameTimeMs({ captureTime: 5000 - OLDEST_CAPTURE_MS }, 5000)).toBe(5000);
    expect(cameraFrameTimeMs({ captureTime: 0, presentationTime: 4990 }, 5000)).toBe(4990);
    expect(cameraFrameTimeMs({ captureTime: Number.NaN }, 5000)).toBe(5000);
  });

  it('moves the stamp on when the frame grabbed is newer than the callback’s', () => {
    // Measured: the callback ran 150 ms late and the <video> showed a frame 199.7 ms newer.
    const m = { captureTime: 2341.8, presentationTime: 2343.4, mediaTime: 9.801 };
    expect(cameraFrameTimeMs(m, 2569, 10_000.7)).toBeCloseTo(2541.5, 6);
    // The same frame, or no media time to go by: the callback's capture time.
    expect(cameraFrameTimeMs(m, 2569, 9801)).toBe(2341.8);
    expect(cameraFrameTimeMs(m, 2569, undefined)).toBe(2341.8);
    expect(cameraFrameTimeMs({ captureTime: 2341.8 }, 2569, 10_000.7)).toBe(2341.8);
    // An older or absurd media time is no move; a move past the grab is not trusted.
    expect(cameraFrameTimeMs(m, 2569, 9700)).toBe(2341.8);
    expect(cameraFrameTimeMs(m, 2569, Number.NaN)).toBe(2341.8);
    expect(cameraFrameTimeMs(m, 2400, 10_000.7)).toBe(2400);
  });
});
