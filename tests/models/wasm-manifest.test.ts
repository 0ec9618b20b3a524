/**
 * The engines' wasm and loader scripts are listed in models/manifest.json
 * (size, SHA-256, source package) by `npm run models`, and ModelFiles
 * refuses a wasm file that is not exactly what the manifest lists, naming
 * the file and the rebuild command. The site is a temporary folder laid out
 * as the build publishes it (/wasm/…), read through a real byte reader.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModels } from '../../models/build/build-models.ts';
import { TFJS_WASM_FILES, WASM_SOURCES } from '../../src/pose/asset-urls.ts';
import { diskModelReader } from '../../src/pose/disk-model-reader.ts';
import { ModelFiles } from '../../src/pose/model-files.ts';
import { ModelFileError, type ModelManifest, sha256Hex } from '../../src/pose/model-manifest.ts';
import { PROJECT_ROOT } from '../support/vite-server.ts';

const NODE_MODULES = join(PROJECT_ROOT, 'node_modules');
const MP_WASM = 'wasm/mediapipe/vision_wasm_module_internal.wasm';
const TFJS_SIMD = 'wasm/tfjs/tfjs-backend-wasm-simd.wasm';

let site: string;
let manifest: ModelManifest;

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'spinewise-site-'));
  manifest = buildModels(join(site, 'models'), NODE_MODULES);
  for (const w of WASM_SOURCES) {
    const target = join(site, w.url);
    mkdirSync(target, { recursive: true });
    cpSync(join(NODE_MODULES, w.package, w.dir), target, {
      recursive: true,
      filter: (src) => !/\.\w+$/.test(src) || w.include.test(src),
    });
  }
}, 120_000);

afterAll(() => rmSync(site, { recursive: true, force: true }));

const open = () => ModelFiles.open(diskModelReader(join(site, 'models')), diskModelReader(site));

describe('wasm files in the manifest', () => {
  it('lists every served wasm and loader file with its true size and SHA-256', async () => {
    const keys = Object.keys(manifest.wasm ?? {});
    expect(keys).toContain(MP_WASM);
    expect(keys).toContain('wasm/mediapipe/vision_wasm_internal.js');
    for (const f of TFJS_WASM_FILES) expect(keys).toContain(`wasm/tfjs/${f}`);
    for (const [key, entry] of Object.entries(manifest.wasm ?? {})) {
      const bytes = readFileSync(join(site, key));
      expect(bytes.length, key).toBe(entry.size);
      expect(await sha256Hex(bytes), key).toBe(entry.sha256);
      expect(entry.source.package, key).toMatch(/tasks-vision|tfjs-backend-wasm/);
    }
  });

  it('passes good files and names a corrupt, truncated or missing one with the rebuild command', async () => {
    const files = await open();
    await expect(files.verifyWasm([MP_WASM, TFJS_SIMD])).resolves.toBeUndefined();

    const path = join(site, TFJS_SIMD);
    const good = readFileSync(path);
    try {
      const flipped = Buffer.from(good);
      flipped[5000] = flipped[5000]! ^ 0x01;
      writeFileSync(path, flipped);
      // A fresh ModelFiles: the one above remembers its passed check.
      const corrupt = (await open()).verifyWasm([TFJS_SIMD]);
      await expect(corrupt).rejects.toBeInstanceOf(ModelFileError);
      await expect(corrupt).rejects.toThrow(
        'Model file "/wasm/tfjs/tfjs-backend-wasm-simd.wasm" does not match its SHA-256 in models/manifest.json (corrupt). Rebuild the models with `npm run models`.',
      );

      writeFileSync(path, good.subarray(0, 100));
      await expect((await open()).verifyWasm([TFJS_SIMD])).rejects.toThrow(
        /"\/wasm\/tfjs\/tfjs-backend-wasm-simd.wasm" is 100 bytes, expected \d+ .*npm run models/,
      );

      rmSync(path);
      const missing = await open();
      await expect(missing.verifyWasm([TFJS_SIMD])).rejects.toThrow(
        /"\/wasm\/tfjs\/tfjs-backend-wasm-simd.wasm" was not found.*npm run models/,
      );
      writeFileSync(path, good);
      // Once the file is back the same ModelFiles passes (a failed check is not remembered).
      await expect(missing.verifyWasm([TFJS_SIMD])).resolves.toBeUndefined();
    } finally {
      writeFileSync(path, good);
    }
  });

  it('an old manifest without wasm entries, or a file it does not list, fails with the rebuild command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinewise-old-manifest-'));
    const { wasm: _dropped, ...old } = manifest;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(old));
    const files = await ModelFiles.open(diskModelReader(dir), diskModelReader(site));
    await expect(files.verifyWasm([MP_WASM])).rejects.toThrow(
      '"/wasm/mediapipe/vision_wasm_module_internal.wasm" is not listed in models/manifest.json. Rebuild the models with `npm run models`.',
    );
    await expect((await open()).verifyWasm(['wasm/tfjs/other.wasm'])).rejects.toThrow(
      /"\/wasm\/tfjs\/other.wasm" is not listed/,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});
