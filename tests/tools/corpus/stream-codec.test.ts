import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT } from '../../../src/core/landmarks.ts';
import { prng } from '../rotation/prng.ts';
import { STREAMS_DIR } from '../scenes/load-scenes.ts';
import {
  type LandmarkStream,
  parseStream,
  STREAM_FORMAT,
  type StreamFrame,
} from '../streams/landmark-stream.ts';
import { decodeStream, encodeStream, quantiseStream } from './stream-codec.ts';

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
    p[0] = 14_000 + i * 4000; // off the image to the right, then beyond what 16 bits hold
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
        // Within half a step: x, y 2/10 000, z 25/10 000, visibility 0.025; −1 kept.
        if (c === 0 && o.p![c]! > 4 * 32_000) return;
        if (o.p![c] === -1) expect(v).toBe(-1);
        else expect(Math.abs(v - o.p![c]!)).toBeLessThanOrEqual([2, 2, 25, 2.5][c % 4]!);
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
    expect(Math.max(...xs)).toBe(4 * 32_767);
    expect(xs.every((x, i) => i === 0 || x >= xs[i - 1]!)).toBe(true);
  });

  it('keeps a real recorded stream to its precision in a fraction of the JSON size', () => {
    const file = join(STREAMS_DIR, 'roller-good-side-male', 'mediapipe-lite.json');
    const text = readFileSync(file, 'utf8');
    const stream = parseStream(text, file);
    const packed = encodeStream(stream);
    expect(decodeStream(packed, file)).toEqual(quantiseStream(stream));
    expect(packed.length).toBeLessThan(gzipSync(text).length * 0.7);
  });

  it('names the file when it is not a compact stream', () => {
    expect(() => decodeStream(gzipSync(Buffer.from('{"format":1}')), 'x.swl.gz')).toThrow(
      'x.swl.gz: not a compact landmark stream',
    );
    const truncated = gunzipped(encodeStream(syntheticStream())).subarray(0, 3000);
    expect(() => decodeStream(gzipSync(truncated), 'y.swl.gz')).toThrow(
      'y.swl.gz: the file ends early',
    );
  });
});

function gunzipped(b: Buffer) {
  return gunzipSync(b);
}
