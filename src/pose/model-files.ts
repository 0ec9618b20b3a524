import {
  MANIFEST_FILE,
  ModelFileError,
  type ModelManifest,
  parseManifest,
  verifyModelFile,
  verifyWasmFile,
  wasmFileError,
} from './model-manifest.ts';

/** Reads a file under `models/`; resolves to undefined when it does not exist. */
export type ModelByteReader = (path: string) => Promise<Uint8Array | undefined>;

/**
 * Model files checked against `models/manifest.json` before any engine sees
 * them. Lifetime: holds the manifest and the wasm bytes it checked; bytes
 * returned by `load` belong to the caller.
 */
export class ModelFiles {
  /**
   * Each wasm/loader file is checked once per ModelFiles (a retry after a
   * failure checks again); its verified bytes are kept, so the engine is
   * handed exactly what was checked instead of fetching the file again.
   */
  private readonly checkedWasm = new Map<string, Promise<Uint8Array>>();

  private constructor(
    private readonly read: ModelByteReader,
    readonly manifest: ModelManifest,
    private readonly readSite?: ModelByteReader,
  ) {}

  /** `readSite` reads by URL path from the site root (the wasm files); without it wasm checks fail. */
  static async open(read: ModelByteReader, readSite?: ModelByteReader): Promise<ModelFiles> {
    const bytes = await read(MANIFEST_FILE);
    if (!bytes) throw new ModelFileError(MANIFEST_FILE, 'manifest-missing', 'was not found');
    return new ModelFiles(read, parseManifest(new TextDecoder().decode(bytes)), readSite);
  }

  /**
   * Checks wasm and loader files (manifest keys such as `wasm/tfjs/x.wasm`)
   * by size and SHA-256 before an engine loads them from the same URL. The
   * bytes stay here for `verifiedWasm` (the pose worker answers the
   * engine's own request for the file with them: one download, and what
   * runs is what was checked).
   */
  async verifyWasm(keys: readonly string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => {
        let check = this.checkedWasm.get(key);
        if (!check) {
          check = this.checkWasm(key);
          check.catch(() => this.checkedWasm.delete(key));
          this.checkedWasm.set(key, check);
        }
        return check;
      }),
    );
  }

  /** The bytes of a wasm/loader file `verifyWasm` checked (or is checking); undefined if not asked. */
  verifiedWasm(key: string): Promise<Uint8Array> | undefined {
    return this.checkedWasm.get(key);
  }

  private async checkWasm(key: string): Promise<Uint8Array> {
    if (!this.manifest.wasm?.[key]) {
      throw wasmFileError(key, 'not-in-manifest', 'is not listed in models/manifest.json');
    }
    if (!this.readSite) throw wasmFileError(key, 'missing', 'cannot be read here');
    const bytes = await this.readSite(key);
    if (!bytes) throw wasmFileError(key, 'missing', 'was not found');
    await verifyWasmFile(this.manifest, key, bytes);
    return bytes;
  }

  /** The file's bytes, verified by size and SHA-256; throws ModelFileError otherwise. */
  async load(path: string): Promise<Uint8Array> {
    if (!this.manifest.files[path]) {
      throw new ModelFileError(path, 'not-in-manifest', 'is not listed in models/manifest.json');
    }
    const bytes = await this.read(path);
    if (!bytes) throw new ModelFileError(path, 'missing', 'was not found');
    await verifyModelFile(this.manifest, path, bytes);
    return bytes;
  }

  async loadText(path: string): Promise<string> {
    return new TextDecoder().decode(await this.load(path));
  }
}

/** Reads model files over HTTP from `baseUrl` (same origin in the app). 404 → missing. */
export function httpModelReader(baseUrl: string): ModelByteReader {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const shown = (path: string) => `${base}${path}`.replace(/^\/models\//, 'models/');
  return async (path) => {
    const res = await fetch(`${base}${path}`);
    if (res.status === 404) return undefined;
    if (!res.ok) {
      throw new ModelFileError(
        path,
        'missing',
        `could not be loaded (HTTP ${res.status})`,
        shown(path),
      );
    }
    return new Uint8Array(await res.arrayBuffer());
  };
}
