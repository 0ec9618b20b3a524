/**
 * `spinewise analyze <stream.json | video.webm|.mp4 | frames-folder | video.y4m>
 * [--exercise ID] [--side left|right] [--target S] [--engine NAME] [--model M] [--fps N]
 * [--json [out.json]] [--csv out.csv]`: what the live coach would make of a
 * recording, through the app's own session chain (the same script and
 * reporter as the live coach), printed as a summary or written as the
 * SessionReport. Where the frames go through a pose model:
 * - webm/mp4: the app itself in headless Chromium (video-in-chromium.ts:
 *   the browser decodes the video; FileFrameSource and the pose worker, as
 *   video review runs them), MediaPipe lite unless `--engine` names another;
 * - a .y4m or a folder of PNG/JPEG frames: TF.js in Node (pose-video.ts),
 *   BlazePose lite unless `--engine` names another TF.js model;
 * - a landmark stream: no model, its poses as recorded.
 * Every failure is one line on stderr that says what to do, with its own
 * exit code (CLI_EXIT).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Side } from '../core/body-points.ts';
import type { TimedPose } from '../exercises/analyze-stream.ts';
import { EXERCISE_IDS, type ExerciseId } from '../exercises/exercise-ids.ts';
import type { EngineSpec } from '../pose/create-pose-engine.ts';
import { ENGINE_CHOICES, engineName, parseEngineName } from '../pose/engine-options.ts';
import { parseStream, streamPoses } from '../pose/landmark-stream.ts';
import type { TfjsModel } from '../pose/tfjs/tfjs-engine.ts';
import type { SessionReport } from '../session/session-report.ts';
import type { VideoReviewProgress } from '../ui/video-review/analyze-video.ts';
import { reviewPoses } from '../ui/video-review/review-analysis.ts';
import { formatReport, reportCsv } from './format-report.ts';

export const CLI_EXIT = {
  ok: 0,
  /** Bad arguments: an unknown option, exercise, side or engine. */
  usage: 2,
  /** The input file is not there. */
  missing: 3,
  /** The file is there but cannot be read: not a landmark stream, a video it cannot decode, a broken frame. */
  unreadable: 4,
  /** No stretch could be recognised and none was named, or nobody was seen at all. */
  unknownStretch: 5,
  /** What it needs to run is missing or failed: Chromium for a webm/mp4, the pose model. */
  environment: 6,
} as const;

const VIDEO_EXTENSIONS = new Set(['.webm', '.mp4', '.mov', '.mkv', '.m4v', '.ogv']);
const DEFAULT_FPS = 30;
const BROWSER_ENGINE = 'mediapipe/lite';
const NODE_ENGINE = 'tfjs/blazepose-lite';

export const ANALYZE_USAGE = `Usage: spinewise analyze <video.webm|.mp4 | frames-folder | video.y4m | stream.json>
         [--exercise ${EXERCISE_IDS.join('|')}] [--side left|right] [--target SECONDS]
         [--engine NAME] [--model M] [--fps N] [--json [out.json]] [--csv out.csv]

  <video.webm|.mp4>  analysed by the app itself in headless Chromium (needs Debian's chromium:
                     ${'`apt-get install -y chromium`'}, or CHROMIUM_PATH), as the app's video review does
  <frames-folder>    PNG or JPEG frames, in name order, at --fps frames a second (default ${DEFAULT_FPS}),
                     through TF.js in Node (no browser; slow: seconds per second of video)
  <video.y4m>        a YUV4MPEG2 video, through TF.js in Node as a folder is
  <stream.json>      a recorded landmark stream, e.g. fixtures/landmarks/<clip>/mediapipe-lite.json
  --exercise         the stretch; without it, recognised from the movement as the app does
  --side             the seated twist's first side, as in the app's settings (it then switches
                     sides as the coach does); without it, either direction counts
  --target           hold target in seconds (default 20, the app's default)
  --engine           pose engine, or engine/model: for a webm/mp4 any the app offers (default
                     ${BROWSER_ENGINE}); for a folder or .y4m a TF.js one (default ${NODE_ENGINE})
  --model            the model (lite, full, heavy; blazepose-lite, blazepose-full,
                     movenet-lightning, movenet-thunder), within --engine if it names one
  --json             print the SessionReport as JSON instead of the summary, or write it to out.json
  --csv              write the holds as CSV (one row per hold) to out.csv
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (a progress bar is drawn there). */
  tty?: boolean;
}

class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

interface Args {
  file: string;
  exercise?: ExerciseId;
  side?: Side;
  targetS: number;
  engine?: string;
  fps: number;
  json?: string | true;
  csv?: string;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  const args: Partial<Args> = { targetS: 20, fps: DEFAULT_FPS };
  let engineArg: string | undefined;
  let modelArg: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--'))
        throw new CliError(`${a} needs a value.\n\n${ANALYZE_USAGE}`, CLI_EXIT.usage);
      return v;
    };
    if (a === '--exercise') {
      const v = value();
      if (!(EXERCISE_IDS as readonly string[]).includes(v))
        throw new CliError(
          `Unknown exercise "${v}": use one of ${EXERCISE_IDS.join(', ')}.`,
          CLI_EXIT.usage,
        );
      args.exercise = v as ExerciseId;
    } else if (a === '--side') {
      const v = value();
      if (v !== 'left' && v !== 'right')
        throw new CliError(`Unknown side "${v}": use left or right.`, CLI_EXIT.usage);
      args.side = v;
    } else if (a === '--target') {
      const v = Number(value());
      if (!(v > 0 && v <= 600))
        throw new CliError('--target is the hold target in seconds, 1 to 600.', CLI_EXIT.usage);
      args.targetS = v;
    } else if (a === '--fps') {
      const v = Number(value());
      if (!(v > 0 && v <= 240))
        throw new CliError("--fps is the frames folder's frame rate, 1 to 240.", CLI_EXIT.usage);
      args.fps = v;
    } else if (a === '--engine') {
      engineArg = value();
    } else if (a === '--model') {
      modelArg = value();
    } else if (a === '--csv') {
      args.csv = value();
    } else if (a === '--json') {
      const next = argv[i + 1];
      if (next && !next.startsWith('--')) {
        args.json = next;
        i++;
      } else args.json = true;
    } else if (a.startsWith('--')) {
      throw new CliError(`Unknown option ${a}.\n\n${ANALYZE_USAGE}`, CLI_EXIT.usage);
    } else if (file === undefined) file = a;
    else throw new CliError(`One file at a time (got "${file}" and "${a}").`, CLI_EXIT.usage);
  }
  if (!file) throw new CliError(`Name a file to analyse.\n\n${ANALYZE_USAGE}`, CLI_EXIT.usage);
  if (engineArg !== undefined || modelArg !== undefined)
    args.engine = engineName(chosenEngine(engineArg, modelArg));
  return { ...args, file } as Args;
}

/**
 * `--engine` names an engine (`mediapipe`, `tfjs`: its first model) or one
 * of its models (`mediapipe/full`); `--model` a model (`full`,
 * `movenet-lightning`: the model names differ between engines), within the
 * engine `--engine` names if it does.
 */
export function chosenEngine(engine: string | undefined, model: string | undefined): EngineSpec {
  if (engine?.includes('/')) {
    const spec = engineSpec(engine);
    if (model !== undefined && model !== spec.model)
      throw new CliError(
        `--engine ${engine} and --model ${model} disagree: name one model.`,
        CLI_EXIT.usage,
      );
    return spec;
  }
  const fits = ENGINE_CHOICES.filter(
    (c) =>
      (engine === undefined || c.spec.engine === engine) &&
      (model === undefined || c.spec.model === model),
  );
  if (!fits.length) {
    const valid = ENGINE_CHOICES.map((c) => engineName(c.spec)).join(', ');
    const asked = [engine && `engine "${engine}"`, model && `model "${model}"`]
      .filter(Boolean)
      .join(' with ');
    throw new CliError(`Unknown ${asked}. Use one of: ${valid}.`, CLI_EXIT.usage);
  }
  return fits[0]!.spec;
}

function engineSpec(name: string): EngineSpec {
  try {
    return parseEngineName(name);
  } catch (e) {
    throw new CliError(`${(e as Error).message}.`, CLI_EXIT.usage);
  }
}

/** A terminal progress bar on stderr: `[#####-----]  42%  what`. Drawn only on a TTY. */
function progressBar(io: Io) {
  let last = '';
  return {
    draw(share: number | undefined, what: string) {
      if (!io.tty) return;
      const width = 30;
      const bar =
        share === undefined
          ? ''
          : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '-')}] ${String(Math.round(share * 100)).padStart(3)}%  `;
      const line = `\r${bar}${what}`;
      if (line !== last) io.err(line.padEnd(last.length));
      last = line;
    },
    done() {
      if (io.tty && last) io.err('\n');
    },
  };
}

interface Analysed {
  report: SessionReport;
  recognised: boolean;
}

/** A landmark stream, a y4m or a frames folder: poses here, then the shared review of them. */
function reviewHere(poses: TimedPose[], args: Args): Analysed {
  const outcome = reviewPoses(poses, {
    holdTargetS: args.targetS,
    ...(args.exercise ? { exercise: args.exercise } : {}),
    ...(args.side ? { side: args.side } : {}),
  });
  if (outcome.ok) return { report: outcome.report, recognised: outcome.recognised };
  throw new CliError(
    outcome.reason === 'nobody'
      ? `${args.file}: nobody was found on any of its ${outcome.frames} frames; choose a recording with the whole upper body in view.`
      : `${args.file}: could not recognise the stretch (${outcome.posed} of ${outcome.frames} frames with a usable pose); name it with --exercise.`,
    CLI_EXIT.unknownStretch,
  );
}

/** TF.js in Node: a .y4m or a frames folder. */
async function nodePoses(args: Args, folder: boolean, io: Io): Promise<TimedPose[]> {
  const spec = engineSpec(args.engine ?? NODE_ENGINE);
  if (spec.engine !== 'tfjs')
    throw new CliError(
      `${engineName(spec)} runs only in a browser; a ${folder ? 'frames folder' : '.y4m'} is analysed by TF.js in Node: use --engine ${NODE_ENGINE} (or another tfjs/ model).`,
      CLI_EXIT.usage,
    );
  const model: TfjsModel = spec.model;
  const bar = progressBar(io);
  try {
    // Loaded only for frames: TF.js takes seconds to load, a stream needs none of it.
    const { posesFromFolder, posesFromY4m } = await import('./pose-video.ts');
    const progress = (done: number, total: number | undefined) =>
      bar.draw(
        total ? done / total : undefined,
        `Analysing with TF.js ${model}: frame ${done}${total ? ` of ${total}` : ''}`,
      );
    return folder
      ? await posesFromFolder(args.file, args.fps, model, progress)
      : await posesFromY4m(args.file, model, progress);
  } catch (e) {
    throw new CliError(
      `${args.file}: cannot read ${folder ? 'these frames' : 'this video'}: ${(e as Error).message}.`,
      CLI_EXIT.unreadable,
    );
  } finally {
    bar.done();
  }
}

/** A webm/mp4: the app's own video review in headless Chromium. */
async function chromiumReview(args: Args, io: Io): Promise<Analysed> {
  const spec = engineSpec(args.engine ?? BROWSER_ENGINE);
  const { ChromiumMissing, reviewInChromium } = await import('./video-in-chromium.ts');
  const bar = progressBar(io);
  const clock = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const onProgress = (p: VideoReviewProgress) => {
    if (p.stage === 'frames')
      bar.draw(
        p.doneMs / p.durationMs,
        `${clock(p.doneMs)} of ${clock(p.durationMs)} analysed (${engineName(spec)} in Chromium)`,
      );
    else
      bar.draw(
        undefined,
        p.stage === 'model' ? 'Loading the pose model in Chromium…' : 'Starting Chromium…',
      );
  };
  onProgress({ stage: 'opening' });
  let answer: Awaited<ReturnType<typeof reviewInChromium>>;
  try {
    answer = await reviewInChromium(args.file, {
      holdTargetS: args.targetS,
      engine: spec,
      onProgress,
      ...(args.exercise ? { exercise: args.exercise } : {}),
      ...(args.side ? { side: args.side } : {}),
    });
  } catch (e) {
    if (e instanceof ChromiumMissing)
      throw new CliError(`${args.file}: ${e.message}.`, CLI_EXIT.environment);
    throw new CliError(
      `${args.file}: the browser could not analyse it: ${(e as Error).message}`,
      CLI_EXIT.environment,
    );
  } finally {
    bar.done();
  }
  if (answer.ok) return { report: answer.report, recognised: answer.recognised };
  const code =
    answer.reason === 'undecodable' || answer.reason === 'empty'
      ? CLI_EXIT.unreadable
      : answer.reason === 'nobody' || answer.reason === 'unrecognised'
        ? CLI_EXIT.unknownStretch
        : CLI_EXIT.environment;
  const hint = answer.reason === 'unrecognised' ? ' (or name it with --exercise)' : '';
  throw new CliError(`${args.file}: ${answer.message}${hint}`, code);
}

async function analyse(args: Args, io: Io): Promise<Analysed> {
  const { file } = args;
  if (!existsSync(file)) throw new CliError(`${file}: no such file.`, CLI_EXIT.missing);
  const ext = extname(file).toLowerCase();
  if (statSync(file).isDirectory()) return reviewHere(await nodePoses(args, true, io), args);
  if (ext === '.y4m') return reviewHere(await nodePoses(args, false, io), args);
  if (VIDEO_EXTENSIONS.has(ext)) return chromiumReview(args, io);
  let poses: TimedPose[];
  try {
    poses = streamPoses(parseStream(readFileSync(file, 'utf8'), file));
  } catch (e) {
    throw new CliError((e as Error).message, CLI_EXIT.unreadable);
  }
  return reviewHere(poses, args);
}

/** Runs `spinewise analyze …` (argv after `analyze`); returns the exit code. */
export async function analyzeCommand(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    const { report, recognised } = await analyse(args, io);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (args.csv) writeFileSync(args.csv, reportCsv(report));
    if (args.json === true) io.out(json);
    else {
      if (typeof args.json === 'string') writeFileSync(args.json, json);
      if (recognised)
        io.out(`Recognised: ${report.exercise} (name it with --exercise to choose).\n`);
      io.out(formatReport(report, args.file));
      if (typeof args.json === 'string') io.out(`Report written to ${args.json}\n`);
      if (args.csv) io.out(`Holds written to ${args.csv}\n`);
    }
    return CLI_EXIT.ok;
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`spinewise analyze: ${e.message}\n`);
      return e.code;
    }
    throw e;
  }
}
