/** TfjsEngine with real models on real pixels, in Node (wasm backend, no browser). */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDMARK_NAMES } from '../../src/core/landmarks.ts';
import { getLandmark, type PoseFrame } from '../../src/core/pose-frame.ts';
import { diskModelReader } from '../../src/pose/disk-model-reader.ts';
import { ModelFiles } from '../../src/pose/model-files.ts';
import { EngineClosedError, type RgbaImage } from '../../src/pose/pose-engine.ts';
import { liveResources } from '../../src/pose/resource-count.ts';
import { createTfjsEngine, type TfjsModel } from '../../src/pose/tfjs/tfjs-engine.ts';
import { readPng } from '../support/png.ts';
import {
  jointErrors,
  jointTolerance,
  leftRightOrder,
  MAIN_JOINTS,
  STILL_PNG,
} from '../support/still-fixture.ts';
import { PROJECT_ROOT } from '../support/vite-server.ts';

let files: ModelFiles;
let image: RgbaImage;

beforeAll(async () => {
  files = await ModelFiles.open(diskModelReader(`${PROJECT_ROOT}/models`));
  image = readPng(STILL_PNG);
});

/** The still fed as a short video (tracking from the previous frame, as in the app); last frame back. */
async function runAsVideo(model: TfjsModel, frames = 3): Promise<PoseFrame | null> {
  const engine = await createTfjsEngine({ model, files, backend: 'wasm' });
  try {
    let frame: PoseFrame | null = null;
    for (let i = 0; i < frames; i++) frame = await engine.detect(image, i * 33);
    return frame;
  } finally {
    engine.close();
  }
}

describe.each(['blazepose-lite', 'movenet-lightning'] as const)(
  'TfjsEngine %s on the rendered still',
  (model) => {
    let frame: PoseFrame | null;
    beforeAll(async () => {
      frame = await runAsVideo(model);
    });

    it('finds the person and puts every main joint near the truth', () => {
      expect(frame).not.toBeNull();
      const errors = jointErrors(frame!);
      console.info(
        `${model} joint errors`,
        Object.values(errors)
          .map((e) => e.toFixed(3))
          .join(' '),
      );
      for (const name of MAIN_JOINTS) {
        expect.soft(errors[name], `${model} ${name} error`).toBeLessThan(jointTolerance(name));
      }
    });

    it('keeps left and right the person’s own', () => {
      expect(leftRightOrder(frame!)).toBe(true);
      // The raised left wrist is the highest point of the body.
      expect(getLandmark(frame!, 'left_wrist')!.y).toBeLessThan(
        getLandmark(frame!, 'right_wrist')!.y - 0.2,
      );
    });

    it('fills the shared PoseFrame shape', () => {
      expect(frame!.engine).toBe(`tfjs/${model}`);
      expect(frame!.tMs).toBe(66);
      expect([frame!.imageWidth, frame!.imageHeight]).toEqual([image.width, image.height]);
      expect(frame!.landmarks).toHaveLength(LANDMARK_NAMES.length);
      for (const p of frame!.landmarks) {
        if (!p) continue;
        expect(p.visibility).toBeGreaterThanOrEqual(0);
        expect(p.visibility).toBeLessThanOrEqual(1);
      }
    });
  },
);

describe('model differences surface in PoseFrame', () => {
  it('MoveNet leaves the 16 landmarks it lacks absent and gives no world points', async () => {
    const frame = (await runAsVideo('movenet-lightning', 1))!;
    expect(frame.landmarks.filter((p) => p !== null)).toHaveLength(17);
    expect(getLandmark(frame, 'left_heel')).toBeNull();
    expect(getLandmark(frame, 'left_pinky')).toBeNull();
    expect(frame.world).toBeUndefined();
  });

  it('BlazePose gives 33 landmarks and world points in metres around the hips', async () => {
    const frame = (await runAsVideo('blazepose-lite', 1))!;
    expect(frame.landmarks.every((p) => p !== null)).toBe(true);
    const ls = frame.world![11]!;
    const rs = frame.world![12]!;
    const shoulderWidth = Math.hypot(ls.x - rs.x, ls.y - rs.y, ls.z - rs.z);
    // A 1.8 m figure: shoulders roughly 0.25–0.5 m apart.
    expect(shoulderWidth).toBeGreaterThan(0.2);
    expect(shoulderWidth).toBeLessThan(0.6);
  });
});

describe('TfjsEngine lifetime', () => {
  afterAll(() => expect(liveResources()['tfjs-detector']).toBe(0));

  it('leaks no tensors or detectors over create/detect/close cycles', async () => {
    const before = tf.memory().numTensors;
    for (let cycle = 0; cycle < 3; cycle++) {
      const engine = await createTfjsEngine({ model: 'blazepose-lite', files });
      await engine.detect(image, cycle * 10);
      expect(liveResources()['tfjs-detector']).toBe(1);
      engine.close();
      engine.close(); // idempotent
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(liveResources()['tfjs-detector']).toBe(0);
  });

  it('refuses to detect after close', async () => {
    const engine = await createTfjsEngine({ model: 'movenet-lightning', files });
    engine.close();
    await expect(engine.detect(image, 0)).rejects.toBeInstanceOf(EngineClosedError);
  });

  it('returns null, not a guess, for an empty room', async () => {
    const engine = await createTfjsEngine({ model: 'blazepose-lite', files });
    try {
      const blank = { width: 320, height: 240, data: new Uint8Array(320 * 240 * 4).fill(200) };
      expect(await engine.detect(blank, 0)).toBeNull();
    } finally {
      engine.close();
    }
  });
});
