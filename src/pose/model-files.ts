import {
  MANIFEST_FILE,
  ModelFileError,
  type ModelManifest,
  parseManifest,
  verifyModelFile,
} from './model-manifest.ts';

/** Reads a file under `models/`; resolves to undefined when it does not exist. */
export type ModelByteReader = (path: string) => Promise<Uint8Array | undefined>;

/**
 * Model files checked against `models/manifest.json` before any engine sees
 * them. Lifetime: holds only the manifest; returned bytes belong to the caller.
 */
export class ModelFiles {
  private constructor(
    private readonly read: ModelByteReader,
    readonly manifest: ModelManifest,
  ) {}

  static async open(read: ModelByteReader): Promise<ModelFiles> {
    const bytes = await read(MANIFEST_FILE);
    if (!bytes) throw new ModelFileError(MANIFEST_FILE, 'manifest-missing', 'was not found');
    return new ModelFiles(read, parseManifest(new TextDecoder().decode(bytes)));
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
  return async (path) => {
    const res = await fetch(`${base}${path}`);
    if (res.status === 404) return undefined;
    if (!res.ok)
      throw new ModelFileError(path, 'missing', `could not be loaded (HTTP ${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  };
}
