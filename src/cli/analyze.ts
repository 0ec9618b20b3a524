/**
 * `spinewise analyze <stream.json | video.y4m> [--exercise ID] [--side left|right]
 * [--target S] [--json [out.json]]`: a recorded landmark stream, or a .y4m
 * video through TF.js BlazePose lite in Node (pose-video.ts), through the
 * app's own session chain (analyzeSession: the same script and reporter as
 * the live coach), printed as a summary or written as the SessionReport.
 * Every failure is one line on stderr that says what to do, with its own
 * exit code (CLI_EXIT).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Side } from '../core/body-points.ts';
import { analyzeSession } from '../exercises/analyze-stream.ts';
import { EXERCISE_IDS, type ExerciseId } from '../exercises/exercise-ids.ts';
import { parseStream, streamPoses } from '../pose/landmark-stream.ts';
import { CoachPipeline } from '../session/coach-pipeline.ts';
import { formatReport } from './format-report.ts';

export const CLI_EXIT = {
  ok: 0,
  /** Bad arguments: an unknown option, exercise or side. */
  usage: 2,
  /** The input file is not there. */
  missing: 3,
  /** The file is there but cannot be read as a landmark stream (or is a video, not analysed yet). */
  unreadable: 4,
  /** No stretch could be recognised and none was named. */
  unknownStretch: 5,
} as const;

export const ANALYZE_USAGE = `Usage: spinewise analyze <stream.json | video.y4m> [--exercise ${EXERCISE_IDS.join('|')}] [--side left|right] [--target SECONDS] [--json [out.json]]

  <stream.json>  a recorded landmark stream, e.g. fixtures/landmarks/<clip>/mediapipe-lite.json
  <video.y4m>    a YUV4MPEG2 video, run through TF.js BlazePose lite here (slow: seconds per second)
  --exercise     the stretch; without it, recognised from the movement as the app does
  --side         the seated twist's first side, as in the app's settings (it then switches
                 sides as the coach does); without it, either direction counts
  --target       hold target in seconds (default 20, the app's default)
  --json         print the SessionReport as JSON instead of the summary, or write it to out.json
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (a progress line is drawn there). */
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
  json?: string | true;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  const args: Partial<Args> = { targetS: 20 };
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
  return { ...args, file } as Args;
}

const VIDEO_EXTENSIONS = new Set(['.webm', '.mp4', '.mov', '.mkv', '.avi']);

async function readPoses(file: string, io: Io) {
  if (!existsSync(file)) throw new CliError(`${file}: no such file.`, CLI_EXIT.missing);
  if (extname(file).toLowerCase() === '.y4m') {
    try {
      // Loaded only for a video: TF.js takes seconds to load, a stream needs none of it.
      const { posesFromY4m } = await import('./pose-video.ts');
      const poses = await posesFromY4m(file, 'blazepose-lite', (done) => {
        if (io.tty) io.err(`\rAnalysing with TF.js BlazePose lite: frame ${done}`);
      });
      if (io.tty) io.err('\n');
      return poses;
    } catch (e) {
      throw new CliError(
        `${file}: cannot read this video: ${(e as Error).message}.`,
        CLI_EXIT.unreadable,
      );
    }
  }
  if (statSync(file).isDirectory())
    throw new CliError(
      `${file} is a folder: analysing a folder of frames is not built yet; name a landmark stream file (.json).`,
      CLI_EXIT.unreadable,
    );
  if (VIDEO_EXTENSIONS.has(extname(file).toLowerCase()))
    throw new CliError(
      `${file}: only .y4m videos are analysed from the command line so far; convert it (ffmpeg -i ${file} -pix_fmt yuv420p out.y4m) or review it in the app.`,
      CLI_EXIT.unreadable,
    );
  try {
    return streamPoses(parseStream(readFileSync(file, 'utf8'), file));
  } catch (e) {
    throw new CliError((e as Error).message, CLI_EXIT.unreadable);
  }
}

/** The stretch the recogniser sees first in the stream, as the live coach would offer it. */
function recognise(poses: ReturnType<typeof streamPoses>): ExerciseId | undefined {
  const pipeline = new CoachPipeline(undefined);
  for (const { tMs, frame } of poses) {
    const id = pipeline.step(frame, tMs)?.recognized;
    if (id) return id;
  }
  return undefined;
}

/** Runs `spinewise analyze …` (argv after `analyze`); returns the exit code. */
export async function analyzeCommand(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    const poses = await readPoses(args.file, io);
    const exercise = args.exercise ?? recognise(poses);
    if (!exercise)
      throw new CliError(
        `${args.file}: could not recognise the stretch (${poses.filter((p) => p.frame).length} of ${poses.length} frames with a usable pose); name it with --exercise.`,
        CLI_EXIT.unknownStretch,
      );
    const report = analyzeSession(poses, {
      exercise,
      holdTargetS: args.targetS,
      startMs: poses[0]?.tMs ?? 0,
      ...(args.side ? { twistSide: args.side } : {}),
    });
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (args.json === true) io.out(json);
    else {
      if (typeof args.json === 'string') writeFileSync(args.json, json);
      if (!args.exercise) io.out(`Recognised: ${exercise} (name it with --exercise to choose).\n`);
      io.out(formatReport(report, args.file));
      if (typeof args.json === 'string') io.out(`Report written to ${args.json}\n`);
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
