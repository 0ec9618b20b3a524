/**
 * The pose worker's wasm is downloaded once: `ModelFiles.verifyWasm` keeps
 * the bytes it checked, `verifiedWasmResponse` answers the engine's own
 * request with them, and the sealed fetch uses that answer instead of the
 * network (same-origin GETs only). A fake site: a manifest listing one wasm
 * and one loader file, readers that count their reads.
 */
import { describe, expect, it } from 'vitest';
import { ModelFiles } from '../../../src/pose/model-files.ts';
import { type ModelManifest, sha256Hex } from '../../../src/pose/model-manifest.ts';
import {
  type NetworkScope,
  sealWorkerNetwork,
} from '../../../src/pose/worker/seal-worker-network.ts';
import { verifiedWasmResponse } from '../../../src/pose/worker/verified-wasm-response.ts';

const ORIGIN = 'http://127.0.0.1:4173';
const WASM = 'wasm/tfjs/tfjs-backend-wasm-simd.wasm';
const LOADER = 'wasm/mediapipe/vision_wasm_module_internal.js';
const SITE: Record<string, Uint8Array> = {
  [WASM]: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]),
  [LOADER]: new TextEncoder().encode('export default 1;'),
};

async function site() {
  const entry = async (b: Uint8Array) => ({
    size: b.length,
    sha256: await sha256Hex(b),
    source: { package: 'test', version: '0', files: [] },
  });
  const manifest: ModelManifest = {
    formatVersion: 1,
    files: {},
    wasm: { [WASM]: await entry(SITE[WASM]!), [LOADER]: await entry(SITE[LOADER]!) },
  };
  const reads: string[] = [];
  const files = await ModelFiles.open(
    async () => new TextEncoder().encode(JSON.stringify(manifest)),
    async (key) => {
      reads.push(key);
      return SITE[key];
    },
  );
  return { files, reads };
}

describe('verified wasm, downloaded once', () => {
  it('keeps the checked bytes and answers with them, typed for instantiateStreaming and import()', async () => {
    const { files, reads } = await site();
    expect(verifiedWasmResponse(files, new URL(`${ORIGIN}/${WASM}`))).toBeUndefined(); // not checked yet
    await files.verifyWasm([WASM, LOADER]);
    await files.verifyWasm([WASM]); // checked once
    expect(reads).toEqual([WASM, LOADER]);
    const wasm = await verifiedWasmResponse(files, new URL(`${ORIGIN}/${WASM}`))!;
    expect(wasm.headers.get('Content-Type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(SITE[WASM]);
    // The loader is asked for with a query (a fresh module per load): the same file.
    const loader = await verifiedWasmResponse(files, new URL(`${ORIGIN}/${LOADER}?load=2`))!;
    expect(loader.headers.get('Content-Type')).toBe('text/javascript');
    expect(await loader.text()).toBe('export default 1;');
    expect(reads).toEqual([WASM, LOADER]);
  });

  it('the sealed fetch serves a checked file without a request; anything else goes out as before', async () => {
    const { files } = await site();
    await files.verifyWasm([WASM]);
    const reached: string[] = [];
    const scope: NetworkScope = {
      location: { href: `${ORIGIN}/assets/pose-worker.js`, origin: ORIGIN },
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        reached.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return new Response('network');
      }) as typeof fetch,
    };
    sealWorkerNetwork(
      scope,
      () => {},
      (url) => verifiedWasmResponse(files, url),
    );
    const served = await scope.fetch!(`/${WASM}`, { credentials: 'same-origin' });
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(SITE[WASM]);
    expect(reached).toEqual([]);
    await scope.fetch!(`/${WASM}`, { method: 'POST' });
    await scope.fetch!('/models/manifest.json');
    await scope.fetch!(`/${LOADER}`); // never checked: fetched
    expect(reached).toEqual([`POST /${WASM}`, 'GET /models/manifest.json', `GET /${LOADER}`]);
    await expect(scope.fetch!(`https://example.com/${WASM}`)).rejects.toThrow(/nothing may leave/);
  });
});
