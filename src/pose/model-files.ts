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
 * them. Lifetime: holds only the manifest; returned bytes belong to the caller.
 */
export class ModelFiles {
  /** Each wasm/loader file is checked once per ModelFiles (a retry after a failure checks again). */
  private readonly checkedWasm = new Map<string, Promise<void>>();

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
   * by size and SHA-256 before an engine loads them from the same URL; the
   * bytes are dropped (the engine fetches them again, from the HTTP or
   * service-worker cache).
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

  private async checkWasm(key: string): Promise<void> {
    if (!this.manifest.wasm?.[key]) {
      throw wasmFileError(key, 'not-in-manifest', 'is not listed in models/manifest.json');
    }
    if (!this.readSite) throw wasmFileError(key, 'missing', 'cannot be read here');
    const bytes = await this.readSite(key);
    if (!bytes) throw wasmFileError(key, 'missing', 'was not found');
    await verifyWasmFile(this.manifest, key, bytes);
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
