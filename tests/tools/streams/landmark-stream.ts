/**
 * Recorded landmark streams (`fixtures/landmarks/<clip>/<engine>-<model>.json`):
 * what one engine saw on every frame of a rendered clip, with the floor
 * tracker on, plus which frames the plain engine (no turning) could use.
 * Numbers are stored as scaled integers to keep the files small:
 * image x, y, z × 10 000; visibility × 100 (−1 marks a landmark the model
 * does not have, e.g. MoveNet's missing 16); world x, y, z in millimetres.
 */
import { LANDMARK_COUNT } from '../../../src/core/landmarks.ts';
import type { ImageLandmark, PoseFrame, WorldLandmark } from '../../../src/core/pose-frame.ts';
import type { Orientation, TrackedPose } from '../../../src/pose/floor-tracker.ts';

export const STREAM_FORMAT = 'spinewise-landmarks/1';

export interface StreamFrame {
  /** Source timestamp, ms. */
  t: number;
  /** Orientation the tracker found the pose in. */
  o: Orientation;
  /** 1 when the trunk was seen well enough to measure (core/usable-pose.ts). */
  u: 0 | 1;
  /** 33 × [x, y, z, visibility], scaled; absent when nobody was found. */
  p?: number[];
  /** 33 × [x, y, z] mm; absent when the model gives no world points. */
  w?: number[];
}

export interface LandmarkStream {
  format: typeof STREAM_FORMAT;
  scene: string;
  sceneHash: string;
  /** e.g. `mediapipe/lite`. */
  engine: PoseFrame['engine'];
  backend: string;
  imageWidth: number;
  imageHeight: number;
  frames: StreamFrame[];
  /** Per frame, '1' where the plain engine (no turned frames) found a usable pose. */
  plainUsable: string;
}

const I = 10_000;
const V = 100;

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

/** The PoseFrame a stream frame stands for (null when nobody was found). */
export function decodeFrame(stream: LandmarkStream, f: StreamFrame): PoseFrame | null {
  if (!f.p) return null;
  if (f.p.length !== LANDMARK_COUNT * 4) {
    throw new Error(
      `${stream.scene} ${stream.engine} frame t=${f.t}: expected ${LANDMARK_COUNT * 4} numbers in "p"`,
    );
  }
  const landmarks: (ImageLandmark | null)[] = [];
  const world: (WorldLandmark | null)[] = [];
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const [x, y, z, v] = f.p.slice(i * 4, i * 4 + 4) as [number, number, number, number];
    const present = v >= 0;
    landmarks.push(present ? { x: x / I, y: y / I, z: z / I, visibility: v / V } : null);
    if (f.w) {
      const [wx, wy, wz] = f.w.slice(i * 3, i * 3 + 3) as [number, number, number];
      world.push(present ? { x: wx / 1000, y: wy / 1000, z: wz / 1000 } : null);
    }
  }
  const frame: PoseFrame = {
    tMs: f.t,
    engine: stream.engine,
    imageWidth: stream.imageWidth,
    imageHeight: stream.imageHeight,
    landmarks,
  };
  if (f.w) frame.world = world;
  return frame;
}

export function streamFileName(engine: string): string {
  return `${engine.replace('/', '-')}.json`;
}

export function parseStream(text: string, source: string): LandmarkStream {
  const s = JSON.parse(text) as LandmarkStream;
  if (s.format !== STREAM_FORMAT) {
    throw new Error(
      `${source}: not a landmark stream (format "${String(s.format)}", want "${STREAM_FORMAT}")`,
    );
  }
  if (s.plainUsable.length !== s.frames.length) {
    throw new Error(
      `${source}: plainUsable has ${s.plainUsable.length} entries for ${s.frames.length} frames`,
    );
  }
  return s;
}
