import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT } from '../../../src/core/landmarks.ts';
import { frameJointErrors } from '../eval/score-clip.ts';
import { prng } from '../rotation/prng.ts';
import { loadScenes, STREAMS_DIR, TRUTH_DIR } from '../scenes/load-scenes.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import {
  type LandmarkStream,
  parseStream,
  STREAM_FORMAT,
  type StreamFrame,
  streamFileName,
} from '../streams/landmark-stream.ts';
import {
  DEFAULT_QUANTUM,
  decodeStream,
  encodeStream,
  quantiseStream,
  SWL1_QUANTUM,
} from './stream-codec.ts';

/** A drifting pose with gaps: nobody found, no world points, a landmark the model lacks, off-image points. */
function syntheticStream(): LandmarkStream {
  const rnd = prng(7);
  const p: number[] = Array.from({ length: LANDMARK_COUNT * 4 }, (_, c) =>
    c % 4 === 3 ? 90 : 5000,
  );
  const w = Array.from({ length: LANDMARK_COUNT * 3 }, () => 0);
  const frames: StreamFrame[] = [];
  for (let i = 0; i < 60; i++) {
    const f: StreamFrame = {
      t: i * 100 + (i % 3),
      o: ([0, 1, -1] as const)[i % 3]!,
      u: i % 7 === 0 ? 0 : 1,
    };
    for (let c = 0; c < p.length; c++)
      p[c] = c % 4 === 3 ? Math.round(rnd() * 100) : p[c]! + Math.round((rnd() - 0.5) * 300);
    p[0] = 14_000 + i * 8000; // off the image to the right, then beyond what 16 bits hold
    for (let c = 0; c < w.length; c++) w[c] = w[c]! + Math.round((rnd() - 0.5) * 60);
    if (i % 11 !== 5) {
      f.p = [...p];
      f.p[7 * 4 + 3] = -1;
      if (i % 4 !== 1) f.w = [...w];
    }
    frames.push(f);
  }
  return {
    format: STREAM_FORMAT,
    scene: 'roller-s00001',
    sceneHash: 'abc',
    engine: 'mediapipe/lite',
    backend: 'GPU',
    imageWidth: 640,
    imageHeight: 360,
    frames,
    plainUsable: frames.map((f) => (f.u && f.o === 0 ? '1' : '0')).join(''),
  };
}

describe('compact stream codec', () => {
  it('round-trips every field, points to the stored precision', () => {
    const stream = syntheticStream();
    const back = decodeStream(encodeStream(stream), 'synthetic');
    expect(back).toEqual(quantiseStream(stream));
    const { frames, ...header } = back;
    const { frames: _, ...want } = stream;
    expect(header).toEqual(want);
    frames.forEach((f, i) => {
      const o = stream.frames[i]!;
      expect([f.t, f.o, f.u, !!f.p, !!f.w]).toEqual([o.t, o.o, o.u, !!o.p, !!o.w]);
      f.p?.forEach((v, c) => {
        // Within half a step: x, y 5/10 000, z 50/10 000, visibility 0.025; −1 kept.
        if (c === 0 && o.p![c]! > 10 * 32_000) return;
        if (o.p![c] === -1) expect(v).toBe(-1);
        else expect(Math.abs(v - o.p![c]!)).toBeLessThanOrEqual([5, 5, 50, 2.5][c % 4]!);
      });
      f.w?.forEach((v, c) => {
        expect(Math.abs(v - o.w![c]!)).toBeLessThanOrEqual(5);
      });
    });
    expect(frames[0]!.p![7 * 4 + 3]).toBe(-1);
  });

  it('clamps points beyond what 16 bits hold instead of wrapping them around', () => {
    const back = decodeStream(encodeStream(syntheticStream()), 'synthetic');
    const xs = back.frames.flatMap((f) => (f.p ? [f.p[0]!] : []));
    expect(Math.max(...xs)).toBe(10 * 32_767);
    expect(xs.every((x, i) => i === 0 || x >= xs[i - 1]!)).toBe(true);
  });

  it('keeps a real recorded stream to its precision in a fraction of the JSON size', () => {
    const file = join(STREAMS_DIR, 'roller-good-side-male', 'mediapipe-lite.json');
    const text = readFileSync(file, 'utf8');
    const stream = parseStream(text, file);
    const packed = encodeStream(stream);
    expect(decodeStream(packed, file)).toEqual(quantiseStream(stream));
    // The first layout (SWL1, gzip of interleaved i16) took 0.49 of the gzipped JSON on this clip.
    expect(packed.length).toBeLessThan(gzipSync(text).length * 0.4);
    expect(packed.length).toBeLessThan(
      encodeSwl1(quantiseStream(stream, SWL1_QUANTUM)).length * 0.8,
    );
  });

  it("moves the joints by a negligible share of the engines' own error (the 18 full-precision clips)", () => {
    // Per usable frame and joint: the engine's distance from the true joint, and how far
    // quantising moved that distance, both in torso lengths.
    const own: number[] = [];
    const moved: number[] = [];
    for (const loaded of loadScenes()) {
      const truth = JSON.parse(
        readFileSync(join(TRUTH_DIR, `${loaded.scene.id}.json`), 'utf8'),
      ) as ClipTruth;
      for (const engine of ['mediapipe/lite', 'tfjs/blazepose-lite']) {
        const file = join(STREAMS_DIR, loaded.scene.id, streamFileName(engine));
        const stream = parseStream(readFileSync(file, 'utf8'), file);
        const coarse = quantiseStream(stream);
        stream.frames.forEach((f, i) => {
          if (!f.u) return;
          const a = frameJointErrors(stream, i, truth);
          const b = frameJointErrors(coarse, i, truth);
          a?.forEach((e, j) => {
            if (!Number.isFinite(e)) return;
            own.push(e);
            moved.push(Math.abs(b![j]! - e));
          });
        });
      }
    }
    const at = (v: number[], q: number) => [...v].sort((x, y) => x - y)[Math.floor(q * v.length)]!;
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    // Measured on 49 200 joint sightings: the engines' own error median 0.18, mean 0.28 torso
    // lengths; quantising moved it by 0.00084 on average (p99 0.0023, max 0.0031): 0.3 %.
    // SWL1's finer steps moved it by 0.00034; steps twice as coarse again would move it 0.0017.
    expect(own.length).toBeGreaterThan(10_000);
    expect(mean(moved)).toBeLessThan(0.03 * mean(own));
    expect(at(moved, 0.99)).toBeLessThan(0.1 * at(own, 0.5));
  });

  it('still reads the first layout (SWL1, gzip) with the steps in its header', () => {
    const stream = quantiseStream(syntheticStream(), SWL1_QUANTUM);
    const back = decodeStream(encodeSwl1(stream), 'old.swl.gz');
    expect(back).toEqual(stream);
    // And re-encoding it in the current layout loses only the coarser steps.
    expect(decodeStream(encodeStream(back), 'new')).toEqual(quantiseStream(back, DEFAULT_QUANTUM));
  });

  it('names the file when it is not a compact stream', () => {
    expect(() => decodeStream(gzipSync(Buffer.from('{"format":1}')), 'x.swl.gz')).toThrow(
      'x.swl.gz: not a compact landmark stream',
    );
    expect(() => decodeStream(Buffer.from('plain text'), 'z.swl.br')).toThrow(
      'z.swl.br: not a compact landmark stream',
    );
    const raw = brotliDecompressSync(encodeStream(syntheticStream()));
    for (const cut of [300, 3000, raw.length - 1])
      expect(() => decodeStream(brotliCompressSync(raw.subarray(0, cut)), 'y.swl.br')).toThrow(
        'y.swl.br: the file ends early',
      );
  });
});

/** The first layout, written here by hand from its description: a stream already on SWL1's steps. */
function encodeSwl1(stream: LandmarkStream): Buffer {
  const { frames, ...rest } = stream;
  const header = Buffer.from(
    JSON.stringify({ ...rest, frameCount: frames.length, quantum: SWL1_QUANTUM }),
  );
  const parts = [Buffer.from('SWL1'), Buffer.alloc(4), header];
  parts[1]!.writeUInt32LE(header.length);
  for (const f of frames) {
    const b = Buffer.alloc(7);
    b.writeInt32LE(f.t);
    b.writeInt8(f.o, 4);
    b.writeUInt8(f.u, 5);
    b.writeUInt8((f.p ? 1 : 0) | (f.w ? 2 : 0), 6);
    parts.push(b);
  }
  const channel = (values: number[]) => {
    const d = new Int16Array(values.length);
    values.forEach((v, i) => {
      d[i] = v - (values[i - 1] ?? 0);
    });
    parts.push(Buffer.from(d.buffer));
  };
  const withP = frames.filter((f) => f.p);
  const withW = frames.filter((f) => f.w);
  for (let c = 0; c < LANDMARK_COUNT * 4; c++)
    channel(
      withP.map((f) => {
        const v = f.p![c]!;
        return c % 4 === 3 && v < 0 ? -1 : v / SWL1_QUANTUM.image[c % 4]!;
      }),
    );
  for (let c = 0; c < LANDMARK_COUNT * 3; c++)
    channel(withW.map((f) => f.w![c]! / SWL1_QUANTUM.world));
  return gzipSync(Buffer.concat(parts));
}
