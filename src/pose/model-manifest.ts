/**
 * `models/manifest.json`: what `npm run models` built, so the app can tell a
 * missing or corrupt model file from a good one before handing it to an engine.
 */
export interface ModelManifestEntry {
  /** Bytes. */
  size: number;
  /** Lower-case hex SHA-256 of the file. */
  sha256: string;
  /** Where the bytes came from. */
  source: { package: string; version: string; files: string[] };
}

export interface ModelManifest {
  formatVersion: 1;
  /** Keyed by path relative to `models/`, e.g. `pose_landmarker_lite.task`. */
  files: Record<string, ModelManifestEntry>;
}

/** The command that rebuilds `models/`; named in every model error. */
export const MODELS_REBUILD_COMMAND = 'npm run models';
export const MANIFEST_FILE = 'manifest.json';

export type ModelFileProblem = 'manifest-missing' | 'not-in-manifest' | 'missing' | 'size' | 'hash';

/** A model file that cannot be used; the message names the file and the fix. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: ModelFileProblem,
    detail: string,
  ) {
    super(
      `Model file "models/${file}" ${detail}. Rebuild the models with \`${MODELS_REBUILD_COMMAND}\`.`,
    );
    this.name = 'ModelFileError';
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Throws a ModelFileError unless `bytes` is exactly what the manifest lists for `file`. */
export async function verifyModelFile(
  manifest: ModelManifest,
  file: string,
  bytes: Uint8Array,
): Promise<void> {
  const entry = manifest.files[file];
  if (!entry)
    throw new ModelFileError(file, 'not-in-manifest', 'is not listed in models/manifest.json');
  if (bytes.length !== entry.size) {
    throw new ModelFileError(
      file,
      'size',
      `is ${bytes.length} bytes, expected ${entry.size} (truncated or corrupt)`,
    );
  }
  const hash = await sha256Hex(bytes);
  if (hash !== entry.sha256) {
    throw new ModelFileError(
      file,
      'hash',
      'does not match its SHA-256 in models/manifest.json (corrupt)',
    );
  }
}

export function parseManifest(text: string): ModelManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ModelFileError(MANIFEST_FILE, 'manifest-missing', 'is not valid JSON');
  }
  const m = data as Partial<ModelManifest>;
  if (m.formatVersion !== 1 || typeof m.files !== 'object' || m.files === null) {
    throw new ModelFileError(MANIFEST_FILE, 'manifest-missing', 'has an unknown format');
  }
  return m as ModelManifest;
}
