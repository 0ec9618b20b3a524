/**
 * The corpus's compact landmark stream files (`fixtures/corpus/streams/<clip>/<engine>-<model>.swl.gz`):
 * the same content as a `spinewise-landmarks/1` stream, coarser and binary,
 * so a few hundred clips for two engines stay within a few tens of MB.
 *
 * Layout, all gzipped: "SWL1", a little-endian u32 header length, the header
 * (UTF-8 JSON: the stream's fields except the frames, plus the frame count),
 * then per frame t (i32 ms), o (i8), u (u8) and a presence byte (1: image
 * points, 2: world points), then the points channel by channel over the
 * frames that have them, each channel as i16 differences from the previous
 * frame (wrapping, so lossless after quantising): differences of a smooth
 * track are small, which is what gzip packs best.
 *
 * Quantising (the stream's own integers are image × 10 000, visibility ×
 * 100, world mm): DEFAULT_QUANTUM, kept in the header.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { LANDMARK_COUNT } from '../../../src/core/landmarks.ts';
import {
  type LandmarkStream,
  STREAM_FORMAT,
  type StreamFrame,
} from '../streams/landmark-stream.ts';

const MAGIC = 'SWL1';
/**
 * Stream integer → stored integer divisors, written into each file's header
 * (so a file always decodes with the steps it was written with).
 */
export interface Quantum {
  /** Image x, y, z (stream units 1/10 000) and visibility (1/100). */
  image: [number, number, number, number];
  /** World points (stream units mm). */
  world: number;
}
/**
 * x, y to 1/2500 (0.4 px on a 1000 px frame: under the models' own jitter), z
 * to 1/200 (a relative depth the measures barely use), visibility to 1/20
 * (thresholds sit at 0.5), world points to 1 cm.
 */
export const DEFAULT_QUANTUM: Quantum = { image: [4, 4, 50, 5], world: 10 };
const I16_MIN = -32768;
const I16_MAX = 32767;

const clamp16 = (v: number) => Math.max(I16_MIN, Math.min(I16_MAX, v));
/** Stored value of stream integer `v` on image channel `c`; a visibility of −1 (no such landmark) stays −1. */
const store = (v: number, c: number, q: Quantum) =>
  c % 4 === 3 && v < 0 ? -1 : clamp16(Math.round(v / q.image[c % 4]!));
const unstore = (v: number, c: number, q: Quantum) =>
  c % 4 === 3 && v < 0 ? -1 : v * q.image[c % 4]! + 0;

interface Header extends Omit<LandmarkStream, 'frames'> {
  frameCount: number;
  quantum: Quantum;
}

/** Channel values over frames → wrapped i16 differences. */
function deltas(values: number[]): Int16Array {
  const out = new Int16Array(values.length);
  let prev = 0;
  values.forEach((v, i) => {
    out[i] = ((v - prev) << 16) >> 16;
    prev = v;
  });
  return out;
}

function undeltas(d: Int16Array): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const x of d) {
    prev = ((prev + x) << 16) >> 16;
    out.push(prev);
  }
  return out;
}

export function encodeStream(stream: LandmarkStream, quantum = DEFAULT_QUANTUM): Buffer {
  const { frames, ...rest } = stream;
  const header: Header = { ...rest, frameCount: frames.length, quantum };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const perFrame = Buffer.alloc(frames.length * 7);
  frames.forEach((f, i) => {
    perFrame.writeInt32LE(f.t, i * 7);
    perFrame.writeInt8(f.o, i * 7 + 4);
    perFrame.writeUInt8(f.u, i * 7 + 5);
    perFrame.writeUInt8((f.p ? 1 : 0) | (f.w ? 2 : 0), i * 7 + 6);
  });
  const parts: Buffer[] = [Buffer.from(MAGIC), Buffer.alloc(4), headerBytes, perFrame];
  parts[1]!.writeUInt32LE(headerBytes.length);
  const withP = frames.filter((f) => f.p);
  for (let c = 0; c < LANDMARK_COUNT * 4; c++) {
    const d = deltas(withP.map((f) => store(f.p![c]!, c, quantum)));
    parts.push(Buffer.from(d.buffer, d.byteOffset, d.byteLength));
  }

  const withW = frames.filter((f) => f.w);
  for (let c = 0; c < LANDMARK_COUNT * 3; c++) {
    const d = deltas(withW.map((f) => clamp16(Math.round(f.w![c]! / quantum.world))));
    parts.push(Buffer.from(d.buffer, d.byteOffset, d.byteLength));
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeStream(file: Buffer, source: string): LandmarkStream {
  const raw = gunzipSync(file);
  if (raw.subarray(0, 4).toString() !== MAGIC)
    throw new Error(`${source}: not a compact landmark stream (no ${MAGIC} mark)`);
  const headerLength = raw.readUInt32LE(4);
  const { frameCount, quantum, ...header } = JSON.parse(
    raw.subarray(8, 8 + headerLength).toString('utf8'),
  ) as Header;
  if (header.format !== STREAM_FORMAT)
    throw new Error(`${source}: holds format "${header.format}", want "${STREAM_FORMAT}"`);
  let at = 8 + headerLength;
  const frames: StreamFrame[] = [];
  const flags: number[] = [];
  for (let i = 0; i < frameCount; i++, at += 7) {
    frames.push({
      t: raw.readInt32LE(at),
      o: raw.readInt8(at + 4) as StreamFrame['o'],
      u: raw.readUInt8(at + 5) as 0 | 1,
    });
    flags.push(raw.readUInt8(at + 6));
  }
  const channel = (n: number) => {
    const bytes = raw.subarray(at, at + n * 2);
    at += n * 2;
    if (bytes.length !== n * 2) throw new Error(`${source}: the file ends early`);
    // Copy: the view must be aligned for Int16Array.
    return undeltas(new Int16Array(new Uint8Array(bytes).buffer));
  };
  const withP = frames.filter((_, i) => flags[i]! & 1);
  const withW = frames.filter((_, i) => flags[i]! & 2);
  for (const f of withP) f.p = new Array(LANDMARK_COUNT * 4);
  for (const f of withW) f.w = new Array(LANDMARK_COUNT * 3);
  for (let c = 0; c < LANDMARK_COUNT * 4; c++) {
    channel(withP.length).forEach((v, i) => {
      withP[i]!.p![c] = unstore(v, c, quantum);
    });
  }

  for (let c = 0; c < LANDMARK_COUNT * 3; c++)
    channel(withW.length).forEach((v, i) => {
      withW[i]!.w![c] = v * quantum.world;
    });
  if (at !== raw.length)
    throw new Error(`${source}: ${raw.length - at} bytes left over after the frames`);
  return { ...header, frames };
}

/** The stream as the compact file keeps it: what `decodeStream(encodeStream(s))` gives. */
export function quantiseStream(stream: LandmarkStream, quantum = DEFAULT_QUANTUM): LandmarkStream {
  const { world } = quantum;
  return {
    ...stream,
    frames: stream.frames.map((f) => {
      const out: StreamFrame = { t: f.t, o: f.o, u: f.u };
      if (f.p) out.p = f.p.map((v, c) => unstore(store(v, c, quantum), c, quantum));
      if (f.w) out.w = f.w.map((v) => clamp16(Math.round(v / world)) * world + 0);
      return out;
    }),
  };
}
