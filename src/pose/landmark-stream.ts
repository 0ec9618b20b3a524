/**
 * Recorded landmark streams (`fixtures/landmarks/<clip>/<engine>-<model>.json`,
 * format `spinewise-landmarks/1`): what one engine saw on every frame of a
 * clip, with the floor tracker on, plus which frames the plain engine (no
 * turning) could use. Numbers are stored as scaled integers to keep the
 * files small: image x, y, z × 10 000; visibility × 100 (−1 marks a
 * landmark the model does not have, e.g. MoveNet's missing 16); world x, y,
 * z in millimetres. Read by the analyzer command and the tests; written by
 * the recording tools (tests/tools/streams).
 */
import { LANDMARK_COUNT } from '../core/landmarks.ts';
import type { ImageLandmark, PoseFrame, WorldLandmark } from '../core/pose-frame.ts';
import type { Orientation } from './floor-tracker.ts';

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

export const IMAGE_SCALE = 10_000;
export const VISIBILITY_SCALE = 100;
const I = IMAGE_SCALE;
const V = VISIBILITY_SCALE;

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

/** The poses a stream holds, as the pipeline takes them: a frame whose trunk was not usable counts as nobody seen. */
export function streamPoses(stream: LandmarkStream): { tMs: number; frame: PoseFrame | null }[] {
  return stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null }));
}

const isNumberArray = (v: unknown, n: number) =>
  Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * Reads a stream file's text; throws an Error that names the file and what
 * is wrong with it (not JSON, another format, a broken frame).
 */
export function parseStream(text: string, source: string): LandmarkStream {
  let s: LandmarkStream;
  try {
    s = JSON.parse(text) as LandmarkStream;
  } catch (e) {
    throw new Error(`${source}: not a landmark stream (not valid JSON: ${(e as Error).message})`);
  }
  if (!s || typeof s !== 'object' || s.format !== STREAM_FORMAT) {
    throw new Error(
      `${source}: not a landmark stream (format "${String(s?.format)}", want "${STREAM_FORMAT}")`,
    );
  }
  if (typeof s.engine !== 'string' || !s.engine.includes('/'))
    throw new Error(`${source}: "engine" should name an engine and model, e.g. "mediapipe/lite"`);
  if (!(s.imageWidth > 0 && s.imageHeight > 0))
    throw new Error(`${source}: "imageWidth" and "imageHeight" should be positive numbers`);
  if (!Array.isArray(s.frames)) throw new Error(`${source}: "frames" is missing or not a list`);
  if (typeof s.plainUsable !== 'string' || s.plainUsable.length !== s.frames.length) {
    throw new Error(
      `${source}: plainUsable has ${String(s.plainUsable?.length)} entries for ${s.frames.length} frames`,
    );
  }
  s.frames.forEach((f, i) => {
    const where = `${source}: frame ${i + 1}`;
    if (!f || typeof f.t !== 'number' || !Number.isFinite(f.t))
      throw new Error(`${where} has no time "t" in ms`);
    if (f.p !== undefined && !isNumberArray(f.p, LANDMARK_COUNT * 4))
      throw new Error(`${where} (t=${f.t}): "p" should be ${LANDMARK_COUNT * 4} numbers`);
    if (f.w !== undefined && !isNumberArray(f.w, LANDMARK_COUNT * 3))
      throw new Error(`${where} (t=${f.t}): "w" should be ${LANDMARK_COUNT * 3} numbers`);
  });
  return s;
}
