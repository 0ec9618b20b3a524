/** Where the corpus lives, and reading its scenes back with their generator record. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../support/vite-server.ts';
import { type LoadedScene, loadSceneFile } from '../scenes/load-scenes.ts';
import type { CorpusMeta } from './corpus-scene.ts';

export const CORPUS_DIR = join(PROJECT_ROOT, 'fixtures/corpus');
export const CORPUS_SCENES_DIR = join(CORPUS_DIR, 'scenes');
export const CORPUS_TRUTH_DIR = join(CORPUS_DIR, 'truth');
export const CORPUS_STREAMS_DIR = join(CORPUS_DIR, 'streams');
/** Frames live only while a clip is recorded (under the project root: the dev server serves them). */
export const CORPUS_FRAMES_DIR = join(PROJECT_ROOT, 'test-results/corpus-frames');

export const truthFile = (id: string) => join(CORPUS_TRUTH_DIR, `${id}.json.gz`);
export const streamFile = (id: string, engine: string) =>
  join(CORPUS_STREAMS_DIR, id, `${engine.replace('/', '-')}.swl.br`);

export interface LoadedCorpusScene extends LoadedScene {
  meta: CorpusMeta;
}

/** Every corpus scene, validated as any scene is, with its `corpus` record. */
export function loadCorpusScenes(dir = CORPUS_SCENES_DIR): LoadedCorpusScene[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const meta = (JSON.parse(readFileSync(file, 'utf8')) as { corpus?: CorpusMeta }).corpus;
      if (!meta) throw new Error(`${file}: no "corpus" record (not written by scenes:generate)`);
      return { ...loadSceneFile(file), meta };
    });
}
