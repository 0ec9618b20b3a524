/**
 * `npm run eval`: scores the pose pipeline on the ground-truth clips and
 * prints a table per clip and in total (and writes it as JSON).
 *   --engine mediapipe|tfjs --model lite|blazepose-lite|…  one engine (default: the recorded ones)
 *   --only id,id       some clips
 *   --scenes <dir>     scene files kept outside the repo: rendered and recorded on the fly
 *   --render           re-render and re-record the committed scenes instead of reading the streams
 *   --json <file>      where the JSON goes (default test-results/eval/eval.json)
 *   --set dev|test|clips  the strict table (issue 14) instead: pooled over a set's clips, per
 *                      engine, stretch and view, with bootstrap 95 % intervals. dev and test are
 *                      the corpus's splits (fixtures/corpus); never tune or choose on test.
 * Nothing in fixtures/ is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { engineName, parseEngineName } from '../../src/pose/engine-options.ts';
import { launchChromium } from '../support/chromium.ts';
import { PROJECT_ROOT, startDevServer } from '../support/vite-server.ts';
import { formatTable } from './eval/eval-table.ts';
import { type ClipScore, CUE_MAX_DELAY_S, ON_BODY_TORSO, scoreClip } from './eval/score-clip.ts';
import { EVAL_SETS, type EvalSet, strictClips } from './eval/strict-eval.ts';
import { formatStrictTable, strictRows } from './eval/strict-report.ts';
import { truthPath } from './render-scenes.ts';
import { parseToolArgs } from './scenes/cli-args.ts';
import {
  type LoadedScene,
  loadScenes,
  SCENES_DIR,
  STREAMS_DIR,
  TRUTH_DIR,
} from './scenes/load-scenes.ts';
import { openScenePage, renderClip } from './scenes/render-clip.ts';
import type { ClipTruth } from './scenes/truth-format.ts';
import { type LandmarkStream, parseStream, streamFileName } from './streams/landmark-stream.ts';
import { openRecordPage, RECORDED_ENGINES, readTruth, recordClip } from './streams/record-clip.ts';

const DEFAULT_MODEL: Record<string, string> = { mediapipe: 'lite', tfjs: 'blazepose-lite' };

function chosenEngines(values: Map<string, string>): string[] {
  const engine = values.get('engine');
  const model = values.get('model');
  if (!engine && !model) return [...RECORDED_ENGINES];
  if (!engine) throw new Error('--model needs --engine (mediapipe or tfjs)');
  const name = `${engine}/${model ?? DEFAULT_MODEL[engine] ?? ''}`;
  return [engineName(parseEngineName(name))];
}

function readStream(loaded: LoadedScene, engine: string): LandmarkStream {
  const file = join(STREAMS_DIR, loaded.scene.id, streamFileName(engine));
  if (!existsSync(file)) {
    throw new Error(
      `No recorded ${engine} stream for ${loaded.scene.id}: run \`npm run record -- --only ${loaded.scene.id} --engines ${engine}\`, or eval with --render`,
    );
  }
  const stream = parseStream(readFileSync(file, 'utf8'), file);
  if (stream.sceneHash !== loaded.hash) {
    throw new Error(
      `${file} was recorded from an older version of the scene: run \`npm run scenes\` and \`npm run record\` for ${loaded.scene.id}`,
    );
  }
  return stream;
}

/** Renders and records on the fly (for --scenes and --render), under test-results/. */
async function renderAndRecord(scenes: LoadedScene[], engines: string[]) {
  const framesDir = join(PROJECT_ROOT, 'test-results/eval/frames');
  const server = await startDevServer();
  const browser = await launchChromium();
  const out: { truth: ClipTruth; stream: LandmarkStream }[] = [];
  try {
    const scenePage = await openScenePage(browser, server.url);
    const recordPage = await openRecordPage(browser, server.url);
    for (const loaded of scenes) {
      const truth = await renderClip(scenePage, loaded, framesDir);
      for (const engine of engines) {
        const { trackerCalls: _, ...stream } = await recordClip(
          recordPage,
          loaded,
          truth,
          framesDir,
          engine,
        );
        out.push({ truth, stream });
        console.error(`rendered and recorded ${loaded.scene.id} with ${engine}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

async function main() {
  const args = parseToolArgs(process.argv.slice(2), ['engine', 'model', 'json', 'set'], ['render']);
  const engines = chosenEngines(args.values);
  const set = args.values.get('set');
  if (set !== undefined) return strictMain(set, engines, args.only, args.values.get('json'));
  const scenes = loadScenes(args.scenes ? resolve(args.scenes) : SCENES_DIR, args.only);
  const runs =
    args.scenes || args.flags.has('render')
      ? await renderAndRecord(scenes, engines)
      : scenes.flatMap((loaded) => {
          const truth = readTruth(truthPath(TRUTH_DIR, loaded.scene.id), loaded);
          return engines.map((engine) => ({ truth, stream: readStream(loaded, engine) }));
        });
  const sceneOf = new Map(scenes.map((l) => [l.scene.id, l.scene]));
  // The twist's side is what the coach asks for, so the checker is told it, as in the app.
  const scores: ClipScore[] = runs.map(({ stream, truth }) => {
    const scene = sceneOf.get(truth.scene);
    const exercise = scene?.exercise === 'none' ? undefined : scene?.exercise;
    return scoreClip(stream, truth, exercise, scene?.side ? { side: scene.side } : {});
  });
  console.log(formatTable(scores));
  console.log(
    `\nusable: trunk seen (floor tracker on); plain: the same engine without turned frames; ` +
      `on body: usable and median joint error < ${ON_BODY_TORSO} torso lengths; turned: found in a turned frame; ` +
      'err: per-frame median joint error over usable frames, torso lengths (med, p95); ' +
      'hip err: mean |hip height - truth| in thigh lengths, per frame, unsmoothed; hip kn: usable frames where it is known; ' +
      `cue P/R: the checker's corrections against the scripted faults (first cue within ${CUE_MAX_DELAY_S} s); ` +
      "hold err: mean |hold duration - truth|, s. Cue and hold columns: each clip's checker, told the side the scene asks for on the twist; zone: roller clips, frames on the roller where the checker's call (lower back or not) matches the true roller position, unjudged frames counted wrong; " +
      'rot err/p95: torso rotation (src/core/torso-rotation.ts) against the truth on twist clips, degrees; ' +
      'recog: seconds until the recogniser named the right exercise (total: the slowest); wrong: frames it named a wrong one.',
  );
  const jsonFile = resolve(
    args.values.get('json') ?? join(PROJECT_ROOT, 'test-results/eval/eval.json'),
  );
  mkdirSync(dirname(jsonFile), { recursive: true });
  const rows = scores.map(({ samples: _, ...row }) => row);
  writeFileSync(jsonFile, `${JSON.stringify({ engines, scores: rows }, null, 2)}\n`);
  console.log(`JSON: ${jsonFile}`);
}

/** The strict table for one set (see the header). */
function strictMain(
  set: string,
  engines: string[],
  only: string[] | undefined,
  json: string | undefined,
) {
  if (!EVAL_SETS.includes(set as EvalSet))
    throw new Error(`--set must be one of ${EVAL_SETS.join(', ')} (got "${set}")`);
  const { clips, missing } = strictClips(set as EvalSet, engines, only);
  if (missing.length)
    console.log(
      `${missing.length} clips of the ${set} set are not recorded yet (npm run corpus:render), left out: ` +
        `${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}\n`,
    );
  if (!clips.length) throw new Error(`No recorded clips in the ${set} set to score`);
  const rows = strictRows(clips);
  console.log(formatStrictTable(rows));
  console.log(
    '\nPooled over the clips of each row; [a–b]: bootstrap 95 % interval over clips. ' +
      'cue P: corrections whose fault is present or ended ≤ 1.5 s before; cue R: faults whose cue came 0–1.5 s after they started; ' +
      'delay: median s to that cue; false praise: praise while a fault is present; holds found: true holds matched one to one ' +
      '(largest overlap first), extra: found holds matching none; hold err med: median |duration error| s, a missed hold counting its length; ' +
      'rot: torso rotation error, degrees (twists); rot 0: the same less the zero taken in the first 2 s sitting square (src/core/torso-rotation-zero.ts); hip err: roller hip height, thigh lengths; recog: median s from coming into position (the truth’s first frame past setup) to naming the stretch, 0 if named before, ' +
      'never: share of clips never named; wrong: frames a wrong stretch was named (negatives: any); neg named: negatives on which any stretch was named; ' +
      'not judged: in-position frames with a check this view cannot make (reported, never praised).',
  );
  const jsonFile = resolve(json ?? join(PROJECT_ROOT, `test-results/eval/strict-${set}.json`));
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify({ set, engines, missing, rows, clips }, null, 1)}\n`);
  console.log(`JSON: ${jsonFile}`);
}

if (process.argv[1]?.endsWith('eval.ts')) await main();
