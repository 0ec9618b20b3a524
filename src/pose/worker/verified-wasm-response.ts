/**
 * The engine's own request for a wasm or loader file, answered with the
 * bytes `ModelFiles.verifyWasm` already fetched and checked against the
 * manifest: the file is downloaded once, not once to check and again to
 * run, and what runs is byte for byte what was checked.
 */
import { runtimeFileKey } from '../asset-urls.ts';
import type { ModelFiles } from '../model-files.ts';

/** A response for `url` from the checked bytes; undefined when `files` never checked that file. */
export function verifiedWasmResponse(files: ModelFiles, url: URL): Promise<Response> | undefined {
  const key = runtimeFileKey(url.pathname);
  const bytes = files.verifiedWasm(key);
  if (!bytes) return undefined;
  // instantiateStreaming wants the wasm MIME type; the loaders are ES modules.
  const type = key.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
  return bytes.then(
    (b) =>
      new Response(b as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: { 'Content-Type': type, 'Content-Length': String(b.length) },
      }),
  );
}
