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
  /**
   * The engines' wasm and loader scripts, keyed by URL path without the
   * leading slash (`wasm/mediapipe/vision_wasm_internal.wasm`). Optional so a
   * manifest from before they were listed still reads; then every wasm
   * check fails with the rebuild command.
   */
  wasm?: Record<string, ModelManifestEntry>;
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
    /** How the file is named in the message: `models/<file>` for models, the URL path for wasm. */
    shownAs = `models/${file}`,
  ) {
    super(
      `Model file "${shownAs}" ${detail}. Rebuild the models with \`${MODELS_REBUILD_COMMAND}\`.`,
    );
    this.name = 'ModelFileError';
  }
}

/** A wasm or loader file that cannot be used; `file` is its manifest key. */
export function wasmFileError(file: string, problem: ModelFileProblem, detail: string) {
  return new ModelFileError(file, problem, detail, `/${file}`);
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
  await verifyEntry(manifest.files[file], bytes, (problem, detail) => {
    return new ModelFileError(file, problem, detail);
  });
}

/** Throws unless `bytes` is exactly the wasm/loader file the manifest lists under `key`. */
export async function verifyWasmFile(
  manifest: ModelManifest,
  key: string,
  bytes: Uint8Array,
): Promise<void> {
  await verifyEntry(manifest.wasm?.[key], bytes, (problem, detail) =>
    wasmFileError(key, problem, detail),
  );
}

async function verifyEntry(
  entry: ModelManifestEntry | undefined,
  bytes: Uint8Array,
  fail: (problem: ModelFileProblem, detail: string) => ModelFileError,
): Promise<void> {
  if (!entry) throw fail('not-in-manifest', 'is not listed in models/manifest.json');
  if (bytes.length !== entry.size) {
    throw fail('size', `is ${bytes.length} bytes, expected ${entry.size} (truncated or corrupt)`);
  }
  const hash = await sha256Hex(bytes);
  if (hash !== entry.sha256) {
    throw fail('hash', 'does not match its SHA-256 in models/manifest.json (corrupt)');
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
