/** The model build: metadata, STORED zips, manifest, determinism, and what a corrupt file does. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModels } from '../../models/build/build-models.ts';
import { readZip, writeStoredZip } from '../../models/build/stored-zip.ts';
import {
  addTfliteMetadata,
  buildNormalizationMetadata,
} from '../../models/build/tflite-metadata.ts';
import { readTfliteMetadata } from '../../models/build/tflite-metadata-reader.ts';
import { diskModelReader } from '../../src/pose/disk-model-reader.ts';
import { ModelFiles } from '../../src/pose/model-files.ts';
import { ModelFileError, type ModelManifest, sha256Hex } from '../../src/pose/model-manifest.ts';
import { PROJECT_ROOT } from '../support/vite-server.ts';

const NODE_MODULES = join(PROJECT_ROOT, 'node_modules');
let outA: string;
let manifest: ModelManifest;

beforeAll(() => {
  outA = mkdtempSync(join(tmpdir(), 'spinewise-models-a-'));
  manifest = buildModels(outA, NODE_MODULES);
});

describe('MediaPipe .task bundles', () => {
  it.each(['lite', 'full', 'heavy'])(
    '%s: a STORED zip of detector + landmark model, each with normalisation metadata',
    (v) => {
      const entries = readZip(
        new Uint8Array(readFileSync(join(outA, `pose_landmarker_${v}.task`))),
      );
      expect(entries.map((e) => e.name)).toEqual([
        'pose_detector.tflite',
        'pose_landmarks_detector.tflite',
      ]);
      for (const e of entries) {
        expect(e.method).toBe(0);
        expect(e.dataOffset % 64).toBe(0);
      }
      const detector = readTfliteMetadata(entries[0]!.data);
      const landmarks = readTfliteMetadata(entries[1]!.data);
      // Detector input [-1, 1]; landmark model input [0, 1] (FACTS.md).
      expect(detector?.inputNormalization).toEqual([{ mean: 127.5, std: 127.5 }]);
      expect(landmarks?.inputNormalization).toEqual([{ mean: 0, std: 255 }]);
      expect(landmarks?.name).toContain(v);
    },
  );

  it('leaves the original model bytes untouched behind the new root table', () => {
    const original = new Uint8Array(
      readFileSync(join(NODE_MODULES, '@mediapipe/pose/pose_landmark_lite.tflite')),
    );
    expect(readTfliteMetadata(original)).toBeUndefined();
    const withMeta = addTfliteMetadata(
      original,
      buildNormalizationMetadata('x', { mean: 1, std: 2 }),
    );
    const block = withMeta.length - original.length;
    expect(block % 64).toBe(0);
    expect(block).toBeLessThan(4096);
    expect(Buffer.compare(withMeta.subarray(block), original)).toBe(0);
    expect(readTfliteMetadata(withMeta)?.inputNormalization).toEqual([{ mean: 1, std: 2 }]);
    expect(() =>
      addTfliteMetadata(withMeta, buildNormalizationMetadata('x', { mean: 1, std: 2 })),
    ).toThrow(/already has TFLITE_METADATA/);
    expect(() => addTfliteMetadata(new Uint8Array(64), new Uint8Array(8))).toThrow(
      /not a TFLite model/,
    );
  });
});

describe('stored zip', () => {
  it('round-trips names and bytes and catches a flipped byte', () => {
    const zip = writeStoredZip([
      { name: 'a.bin', data: new Uint8Array([1, 2, 3]) },
      { name: 'dir/b.txt', data: new TextEncoder().encode('hello') },
    ]);
    const back = readZip(zip);
    expect(back.map((e) => [e.name, Array.from(e.data)])).toEqual([
      ['a.bin', [1, 2, 3]],
      ['dir/b.txt', [104, 101, 108, 108, 111]],
    ]);
    const broken = zip.slice();
    const at = back[0]!.dataOffset;
    broken[at] = broken[at]! ^ 0xff;
    expect(() => readZip(broken)).toThrow(/CRC mismatch in zip entry a.bin/);
  });
});

describe('manifest', () => {
  it('lists every built file with its size, hash and source package', async () => {
    const names = Object.keys(manifest.files);
    expect(names).toContain('pose_landmarker_lite.task');
    expect(names).toContain('tfjs/blazepose-detector.json');
    expect(names).toContain('tfjs/movenet-lightning.bin');
    for (const [name, entry] of Object.entries(manifest.files)) {
      const bytes = new Uint8Array(readFileSync(join(outA, name)));
      expect(bytes.length, name).toBe(entry.size);
      expect(await sha256Hex(bytes), name).toBe(entry.sha256);
      expect(entry.source.version, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('building twice gives byte-identical files', () => {
    const outB = mkdtempSync(join(tmpdir(), 'spinewise-models-b-'));
    buildModels(outB, NODE_MODULES);
    expect(readFileSync(join(outB, 'manifest.json'), 'utf8')).toBe(
      readFileSync(join(outA, 'manifest.json'), 'utf8'),
    );
    for (const name of Object.keys(manifest.files)) {
      expect(
        Buffer.compare(readFileSync(join(outA, name)), readFileSync(join(outB, name))),
        name,
      ).toBe(0);
    }
  });
});

describe('loading checks the manifest', () => {
  it('names the file and the rebuild command when a file is corrupt, truncated or missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinewise-models-c-'));
    buildModels(dir, NODE_MODULES);
    const files = await ModelFiles.open(diskModelReader(dir));
    await expect(files.load('tfjs/movenet-lightning.json')).resolves.toBeInstanceOf(Uint8Array);

    const path = join(dir, 'tfjs/movenet-lightning.json');
    const bytes = readFileSync(path);
    bytes[100] = bytes[100]! ^ 0x01;
    writeFileSync(path, bytes);
    const corrupt = files.load('tfjs/movenet-lightning.json');
    await expect(corrupt).rejects.toBeInstanceOf(ModelFileError);
    await expect(corrupt).rejects.toThrow(
      'Model file "models/tfjs/movenet-lightning.json" does not match its SHA-256 in models/manifest.json (corrupt). Rebuild the models with `npm run models`.',
    );

    writeFileSync(path, bytes.subarray(0, 10));
    await expect(files.load('tfjs/movenet-lightning.json')).rejects.toThrow(
      /is 10 bytes, expected .*npm run models/,
    );

    writeFileSync(join(dir, 'pose_landmarker_lite.task'), '');
    await expect(files.load('pose_landmarker_lite.task')).rejects.toThrow(
      /pose_landmarker_lite.task.*npm run models/,
    );
    await expect(files.load('nope.task')).rejects.toThrow(/"models\/nope.task" is not listed/);

    const empty = mkdtempSync(join(tmpdir(), 'spinewise-models-d-'));
    await expect(ModelFiles.open(diskModelReader(empty))).rejects.toThrow(
      /"models\/manifest.json" was not found. Rebuild the models with `npm run models`/,
    );
  });
});
