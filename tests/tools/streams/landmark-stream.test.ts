import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT } from '../../../src/core/landmarks.ts';
import type { PoseFrame } from '../../../src/core/pose-frame.ts';
import { loadScenes, STREAMS_DIR, TRUTH_DIR } from '../scenes/load-scenes.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import {
  decodeFrame,
  encodeTracked,
  type LandmarkStream,
  parseStream,
  STREAM_FORMAT,
  streamFileName,
} from './landmark-stream.ts';
import { RECORDED_ENGINES } from './record-clip.ts';

function frameWith(world: boolean): PoseFrame {
  const landmarks = Array.from({ length: LANDMARK_COUNT }, (_, i) =>
    i === 5
      ? null
      : { x: i / 40 + 0.00003, y: 1 - i / 50, z: -i / 100, visibility: (i % 10) / 10 + 0.004 },
  );
  const f: PoseFrame = {
    tMs: 1234.4,
    engine: 'mediapipe/lite',
    imageWidth: 640,
    imageHeight: 360,
    landmarks,
  };
  if (world)
    f.world = landmarks.map((p, i) => (p ? { x: i / 100, y: -i / 70, z: 0.1234567 } : null));
  return f;
}

function streamOf(frames: LandmarkStream['frames']): LandmarkStream {
  return {
    format: STREAM_FORMAT,
    scene: 's',
    sceneHash: 'h',
    engine: 'mediapipe/lite',
    backend: 'CPU',
    imageWidth: 640,
    imageHeight: 360,
    frames,
    plainUsable: '1'.repeat(frames.length),
  };
}

describe('landmark stream encoding', () => {
  it.each([true, false])(
    'round-trips a frame to the stored precision (world points: %s)',
    (world) => {
      const original = frameWith(world);
      const encoded = encodeTracked(
        { frame: original, usable: true, orientation: -1, tried: [0, -1] },
        1234.4,
      );
      expect(encoded).toMatchObject({ t: 1234, o: -1, u: 1 });
      const stream = streamOf([JSON.parse(JSON.stringify(encoded))]);
      const back = decodeFrame(stream, stream.frames[0]!)!;
      expect(back.landmarks[5]).toBeNull();
      original.landmarks.forEach((p, i) => {
        if (!p) return;
        const q = back.landmarks[i]!;
        expect(Math.abs(q.x - p.x)).toBeLessThanOrEqual(0.00005);
        expect(Math.abs(q.y - p.y)).toBeLessThanOrEqual(0.00005);
        expect(Math.abs(q.visibility - p.visibility)).toBeLessThanOrEqual(0.005);
      });
      if (world) {
        expect(back.world![7]!.z).toBeCloseTo(0.123, 6);
        expect(back.world![5]).toBeNull();
      } else expect(back.world).toBeUndefined();
    },
  );

  it('a frame where nobody was found decodes to null', () => {
    const encoded = encodeTracked(
      { frame: null, usable: false, orientation: 0, tried: [0, 1, -1] },
      0,
    );
    expect(encoded).toEqual({ t: 0, o: 0, u: 0 });
    expect(decodeFrame(streamOf([encoded]), encoded)).toBeNull();
  });

  it('refuses files that are not streams or do not add up', () => {
    expect(() => parseStream('{"format":"x"}', 'a.json')).toThrow('a.json: not a landmark stream');
    const bad = { ...streamOf([{ t: 0, o: 0, u: 0 }]), plainUsable: '' };
    expect(() => parseStream(JSON.stringify(bad), 'b.json')).toThrow(
      'plainUsable has 0 entries for 1 frames',
    );
  });
});

describe('the committed streams', () => {
  const scenes = loadScenes();
  it.each(scenes.map((s) => [s.scene.id, s] as const))(
    '%s: recorded from the current scene, one frame per truth frame',
    (id, loaded) => {
      const truth = JSON.parse(readFileSync(join(TRUTH_DIR, `${id}.json`), 'utf8')) as ClipTruth;
      expect(truth.sceneHash).toBe(loaded.hash);
      for (const engine of RECORDED_ENGINES) {
        const file = join(STREAMS_DIR, id, streamFileName(engine));
        expect(existsSync(file), `${file} (npm run record)`).toBe(true);
        const stream = parseStream(readFileSync(file, 'utf8'), file);
        expect(stream.sceneHash).toBe(loaded.hash);
        expect(stream.engine).toBe(engine);
        expect(stream.frames.map((f) => f.t)).toEqual(
          truth.frames.map((f) => Math.round(f.t * 1000)),
        );
        for (const f of stream.frames) decodeFrame(stream, f);
      }
    },
  );
});
