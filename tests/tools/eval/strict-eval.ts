/**
 * `npm run eval -- --set dev|test|clips`: the strict table (issue 14) for a
 * set: `clips` the 18 scripted clips, `dev` and `test` the corpus's two
 * splits (fixtures/corpus, split by seed). Reads committed streams only; a
 * corpus clip not yet recorded is counted and named, not scored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CORPUS_STREAMS_DIR,
  loadCorpusScenes,
  streamFile,
  truthFile,
} from '../corpus/corpus-files.ts';
import { decodeStream } from '../corpus/stream-codec.ts';
import { loadScenes, STREAMS_DIR, TRUTH_DIR } from '../scenes/load-scenes.ts';
import type { Scene } from '../scenes/scene-format.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import { type LandmarkStream, parseStream, streamFileName } from '../streams/landmark-stream.ts';
import { type StrictClip, scoreClipStrict } from './strict-clip.ts';

export const EVAL_SETS = ['dev', 'test', 'clips'] as const;
export type EvalSet = (typeof EVAL_SETS)[number];

interface Run {
  scene: Scene;
  view: string;
  truth: ClipTruth;
  stream: LandmarkStream;
}

/** The scripted clips name their view in the id: `-side-`, `-45-`, `-front-`. */
function clipView(id: string): string {
  if (id.includes('-side-')) return 'side';
  if (id.includes('-45-')) return 'oblique';
  if (id.includes('-front-')) return 'front';
  return 'other';
}

function scriptedRuns(engines: readonly string[], only?: string[]): Run[] {
  return loadScenes(undefined, only).flatMap((loaded) => {
    const truth = JSON.parse(
      readFileSync(join(TRUTH_DIR, `${loaded.scene.id}.json`), 'utf8'),
    ) as ClipTruth;
    return engines.map((engine) => {
      const file = join(STREAMS_DIR, loaded.scene.id, streamFileName(engine));
      return {
        scene: loaded.scene,
        view: clipView(loaded.scene.id),
        truth,
        stream: parseStream(readFileSync(file, 'utf8'), file),
      };
    });
  });
}

export function corpusRuns(set: 'dev' | 'test', engines: readonly string[], only?: string[]) {
  const runs: Run[] = [];
  const missing: string[] = [];
  for (const c of loadCorpusScenes()) {
    if (c.meta.split !== set || (only && !only.includes(c.scene.id))) continue;
    const tf = truthFile(c.scene.id);
    const files = engines.map((e) => streamFile(c.scene.id, e));
    if (!existsSync(tf) || !files.every(existsSync)) {
      missing.push(c.scene.id);
      continue;
    }
    const truth = JSON.parse(gunzipSync(readFileSync(tf)).toString('utf8')) as ClipTruth;
    const streams = files.map((f) => decodeStream(readFileSync(f), f));
    if (truth.sceneHash !== c.hash || streams.some((s) => s.sceneHash !== c.hash)) {
      missing.push(`${c.scene.id} (stale: the scene changed since it was recorded)`);
      continue;
    }
    for (const stream of streams) runs.push({ scene: c.scene, view: c.meta.view, truth, stream });
  }
  return { runs, missing };
}

export function strictClips(
  set: EvalSet,
  engines: readonly string[],
  only?: string[],
): { clips: StrictClip[]; missing: string[] } {
  const { runs, missing } =
    set === 'clips'
      ? { runs: scriptedRuns(engines, only), missing: [] }
      : corpusRuns(set, engines, only);
  const clips = runs.map(({ scene, view, truth, stream }) =>
    scoreClipStrict(stream, truth, scene.exercise, view, scene.side ? { side: scene.side } : {}),
  );
  return { clips, missing };
}

export { CORPUS_STREAMS_DIR };
