/**
 * Writing recorded landmark streams (the recording tools). The format and
 * its reader live in the app (src/pose/landmark-stream.ts), which the
 * analyzer command uses; they are re-exported here for the tools and tests.
 */
import type { TrackedPose } from '../../../src/pose/floor-tracker.ts';
import {
  IMAGE_SCALE as I,
  type StreamFrame,
  VISIBILITY_SCALE as V,
} from '../../../src/pose/landmark-stream.ts';

export {
  decodeFrame,
  type LandmarkStream,
  parseStream,
  STREAM_FORMAT,
  type StreamFrame,
  streamPoses,
} from '../../../src/pose/landmark-stream.ts';

export function encodeTracked(tracked: TrackedPose, tMs: number): StreamFrame {
  const out: StreamFrame = {
    t: Math.round(tMs),
    o: tracked.orientation,
    u: tracked.usable ? 1 : 0,
  };
  const f = tracked.frame;
  if (!f) return out;
  out.p = f.landmarks.flatMap((p) =>
    p
      ? [
          Math.round(p.x * I),
          Math.round(p.y * I),
          Math.round((p.z ?? 0) * I),
          Math.round(p.visibility * V),
        ]
      : [0, 0, 0, -1],
  );
  if (f.world) {
    out.w = f.world.flatMap((p) =>
      p ? [Math.round(p.x * 1000), Math.round(p.y * 1000), Math.round(p.z * 1000)] : [0, 0, 0],
    );
  }
  return out;
}

export function streamFileName(engine: string): string {
  return `${engine.replace('/', '-')}.json`;
}
