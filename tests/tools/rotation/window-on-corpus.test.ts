/**
 * The windowed rotation network as the app runs it (FeatureStream over a
 * recorded stream), on dev twists it was trained on: a guard that the
 * weights, the inputs and the stream's window fit together, not an accuracy
 * figure (that is the test set's, `npm run eval -- --set test`).
 */
import { describe, expect, it } from 'vitest';
import { FeatureStream } from '../../../src/core/feature-stream.ts';
import { LandmarkSmoother } from '../../../src/core/landmark-smoother.ts';
import { estimateTorsoRotation } from '../../../src/core/torso-rotation.ts';
import { TORSO_ROTATION_MODEL } from '../../../src/core/torso-rotation-model.ts';
import { angleErrorDeg, meanAbs } from '../eval/metrics.ts';
import { corpusRuns } from '../eval/strict-eval.ts';
import { decodeFrame } from '../streams/landmark-stream.ts';

describe('the windowed torso rotation on recorded dev twists', () => {
  const ids = ['twist-s00001', 'twist-s00002', 'twist-s00004', 'twist-s00005', 'twist-s00007'];
  const { runs } = corpusRuns('dev', ['mediapipe-lite', 'tfjs-blazepose-lite'], ids);

  it('reads closer to the truth than the per-frame 2D network on the same frames', () => {
    expect(runs).toHaveLength(ids.length * 2);
    const windowed: number[] = [];
    const perFrame: number[] = [];
    for (const run of runs) {
      const stream = new FeatureStream();
      const smoother = new LandmarkSmoother();
      run.stream.frames.forEach((f, i) => {
        const frame = f.u ? decodeFrame(run.stream, f) : null;
        const { features } = stream.next(frame, f.t);
        const single = frame && estimateTorsoRotation(TORSO_ROTATION_MODEL, smoother.apply(frame));
        if (!frame) smoother.markMissing(f.t);
        const truth = run.truth.frames[i]!.rotationDeg;
        if (features.torsoRotationDeg === undefined || single === undefined || single === null)
          return;
        windowed.push(angleErrorDeg(features.torsoRotationDeg, truth));
        perFrame.push(angleErrorDeg(single, truth));
      });
    }
    expect(windowed.length).toBeGreaterThan(1000);
    expect(meanAbs(windowed)).toBeLessThan(meanAbs(perFrame));
    expect(meanAbs(windowed)).toBeLessThan(12);
  });
});
