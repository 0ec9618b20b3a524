/**
 * The corpus's compact landmark stream files (`fixtures/corpus/streams/<clip>/<engine>-<model>.swl.br`):
 * the same content as a `spinewise-landmarks/1` stream, coarser and binary,
 * so a few hundred clips for two engines stay well under 30 MB.
 *
 * Layout `SWL2`, all brotli-compressed: "SWL2", a little-endian u32 header
 * length, the header (UTF-8 JSON: the stream's fields except the frames,
 * plus the frame count and the quantum), then per frame t (i32 ms), o (i8),
 * u (u8) and a presence byte (1: image points, 2: world points), then the
 * image points and then the world points, channel by channel over the
 * frames that have them, each channel as differences from the previous
 * frame, zigzagged to u16 (wrapping, so lossless after quantising) and
 * written as two byte planes (all low bytes, then all high bytes): the
 * differences of a smooth track are small, so the high plane is nearly all
 * zeros, which is what the compressor packs best.
 *
 * `SWL1` (the first layout: gzip, i16 differences interleaved) is still
 * read, so that older files can be repacked (`repack-streams.ts`).
 *
 * Quantising (the stream's own integers are image × 10 000, visibility ×
 * 100, world mm): DEFAULT_QUANTUM, kept in the header.
 */
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { LANDMARK_COUNT } from '../../../src/core/landmarks.ts';
import {
  type LandmarkStream,
  STREAM_FORMAT,
  type StreamFrame,
} from '../streams/landmark-stream.ts';

const MAGIC = 'SWL2';
const OLD_MAGIC = 'SWL1';
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
 * x, y to 1/1000 of the frame (0.64 px on a 640 px frame; rounding adds
 * 0.0003 rms, against the engines' own median joint error of ~0.02 of the
 * frame, see fixtures/README.md), z to 1/100 (a relative depth the measures
 * barely use), visibility to 1/20 (thresholds sit at 0.5), world points to
 * 1 cm (the 3D palms and twist checks work in tens of centimetres).
 */
export const DEFAULT_QUANTUM: Quantum = { image: [10, 10, 100, 5], world: 10 };
/** The first corpus files' steps (SWL1): x, y to 1/2500, z to 1/200. */
export const SWL1_QUANTUM: Quantum = { image: [4, 4, 50, 5], world: 10 };
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

function undeltas(d: ArrayLike<number>): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < d.length; i++) {
    prev = ((prev + d[i]!) << 16) >> 16;
    out.push(prev);
  }
  return out;
}

/** i16 differences → zigzag u16 (0, −1, 1, −2 … → 0, 1, 2, 3 …) as a low and a high byte plane. */
function planes(d: Int16Array): Buffer {
  const out = Buffer.alloc(d.length * 2);
  d.forEach((x, i) => {
    const z = ((x << 1) ^ (x >> 15)) & 0xffff;
    out[i] = z & 0xff;
    out[d.length + i] = z >> 8;
  });
  return out;
}

function unplanes(bytes: Uint8Array): Int16Array {
  const n = bytes.length / 2;
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const z = bytes[i]! | (bytes[n + i]! << 8);
    out[i] = (z >>> 1) ^ -(z & 1);
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
  const withP = frames.filter((f) => f.p);
  const withW = frames.filter((f) => f.w);
  const image = new Int16Array(withP.length * LANDMARK_COUNT * 4);
  for (let c = 0; c < LANDMARK_COUNT * 4; c++)
    image.set(deltas(withP.map((f) => store(f.p![c]!, c, quantum))), c * withP.length);
  const world = new Int16Array(withW.length * LANDMARK_COUNT * 3);
  for (let c = 0; c < LANDMARK_COUNT * 3; c++)
    world.set(
      deltas(withW.map((f) => clamp16(Math.round(f.w![c]! / quantum.world)))),
      c * withW.length,
    );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const raw = Buffer.concat([
    Buffer.from(MAGIC),
    length,
    headerBytes,
    perFrame,
    planes(image),
    planes(world),
  ]);
  return brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
}

/** The file's bytes uncompressed: gzip (SWL1) or brotli (SWL2). */
function unpack(file: Buffer, source: string): Buffer {
  try {
    return file[0] === 0x1f && file[1] === 0x8b ? gunzipSync(file) : brotliDecompressSync(file);
  } catch {
    throw new Error(`${source}: not a compact landmark stream (neither gzip nor brotli)`);
  }
}

export function decodeStream(file: Buffer, source: string): LandmarkStream {
  const raw = unpack(file, source);
  const magic = raw.subarray(0, 4).toString();
  if (magic !== MAGIC && magic !== OLD_MAGIC)
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
    if (at + 7 > raw.length) throw new Error(`${source}: the file ends early`);
    frames.push({
      t: raw.readInt32LE(at),
      o: raw.readInt8(at + 4) as StreamFrame['o'],
      u: raw.readUInt8(at + 5) as 0 | 1,
    });
    flags.push(raw.readUInt8(at + 6));
  }
  const take = (n: number) => {
    const bytes = raw.subarray(at, at + n);
    at += n;
    if (bytes.length !== n) throw new Error(`${source}: the file ends early`);
    return bytes;
  };
  const withP = frames.filter((_, i) => flags[i]! & 1);
  const withW = frames.filter((_, i) => flags[i]! & 2);
  for (const f of withP) f.p = new Array(LANDMARK_COUNT * 4);
  for (const f of withW) f.w = new Array(LANDMARK_COUNT * 3);
  // SWL1: each channel its own run of interleaved i16; SWL2: all image, then all world, as byte planes.
  const channels = (rows: number, count: number): ((c: number) => number[]) => {
    if (magic === OLD_MAGIC)
      return () => undeltas(new Int16Array(new Uint8Array(take(rows * 2)).buffer));
    const all = unplanes(take(rows * count * 2));
    return (c) => undeltas(all.subarray(c * rows, (c + 1) * rows));
  };
  const image = channels(withP.length, LANDMARK_COUNT * 4);
  for (let c = 0; c < LANDMARK_COUNT * 4; c++) {
    image(c).forEach((v, i) => {
      withP[i]!.p![c] = unstore(v, c, quantum);
    });
  }
  const world = channels(withW.length, LANDMARK_COUNT * 3);
  for (let c = 0; c < LANDMARK_COUNT * 3; c++)
    world(c).forEach((v, i) => {
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
