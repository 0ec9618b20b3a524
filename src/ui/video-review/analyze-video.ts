/**
 * A recorded video through the app's own chain, frame by frame at media
 * time: FileFrameSource (a file waits, it never drops) → the pose worker
 * (the live coach's engine and floor tracking) → the session script and
 * reporter (review-analysis.ts). Used by the video review screen and by
 * `spinewise analyze` on a webm/mp4 (which runs it in headless Chromium),
 * so both give the same report. Browser only. Cancelled through `signal`
 * (rejects with its reason, an AbortError); the worker and the file are
 * released whatever happens. `reviewFrames` is the same chain from any
 * source that waits (frames already at hand, as the live-coach equality
 * test replays the camera's own pictures).
 */
import type { Side } from '../../core/body-points.ts';
import type { TimedPose } from '../../exercises/analyze-stream.ts';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import type { EngineSpec } from '../../pose/create-pose-engine.ts';
import { engineName } from '../../pose/engine-options.ts';
import { type FrameSource, FrameSourceError } from '../../pose/frame-source.ts';
import { FileFrameSource } from '../../pose/frame-source-file.ts';
import { type PoseResult, PoseWorkerClient } from '../../pose/worker/pose-worker-client.ts';
import type { SessionReport } from '../../session/session-report.ts';
import { reviewPoses } from './review-analysis.ts';

/** The engine a review uses unless told otherwise: the live coach's default pick on a laptop CPU. */
export const DEFAULT_REVIEW_ENGINE: EngineSpec = { engine: 'mediapipe', model: 'lite' };

/** Media time between analysed frames, ms: the live coach's 10 analysed frames a second. */
export const REVIEW_STEP_MS = 100;

/** How long the model may take to load before the review gives up, ms (a busy machine, a cold cache). */
const MODEL_PATIENCE_MS = 180_000;

/** How long one frame may take in the worker before the review gives up, ms (a file has time). */
const FRAME_PATIENCE_MS = 60_000;

export interface VideoReviewOptions {
  exercise?: ExerciseId;
  side?: Side;
  holdTargetS: number;
  engine?: EngineSpec;
  stepMs?: number;
  /** The media times to analyse instead of every `stepMs`, ms (FileFrameSource's `timesMs`). */
  timesMs?: readonly number[];
  /**
   * Where the session starts, media ms: frames before it go through the pose
   * model only (its tracking settles on them, as on a live coach's setup),
   * not into the report. Default: the first frame.
   */
  fromMs?: number;
  signal?: AbortSignal;
  /** Where it is: loading the model, or frames analysed up to `doneMs` of `durationMs`. */
  onProgress?: (progress: VideoReviewProgress) => void;
}

export type VideoReviewProgress =
  | { stage: 'opening' }
  | { stage: 'model'; durationMs: number }
  | { stage: 'frames'; doneMs: number; durationMs: number };

export interface VideoReview {
  report: SessionReport;
  exercise: ExerciseId;
  /** Whether recognition chose the stretch. */
  recognised: boolean;
  /** `mediapipe/lite`… */
  engine: string;
  /** Frames analysed, and how many of them had a usable pose. */
  frames: number;
  usableFrames: number;
  durationMs: number;
  /** Wall time the whole review took, ms. */
  elapsedMs: number;
}

export type VideoReviewFailure = 'undecodable' | 'empty' | 'nobody' | 'unrecognised' | 'engine';

/** A review that cannot give a report, with a message that says what happened and what to do. */
export class VideoReviewError extends Error {
  constructor(
    message: string,
    readonly reason: VideoReviewFailure,
  ) {
    super(message);
    this.name = 'VideoReviewError';
  }
}

const nameOf = (file: Blob) => (file instanceof File ? `"${file.name}"` : 'This video');

/** Hands one frame to the worker and waits for its answer (a file waits; nothing is dropped). */
function analyseFrame(client: PoseWorkerClient, bitmap: ImageBitmap, tMs: number) {
  return new Promise<PoseResult>((resolve, reject) => {
    client.onPose = resolve;
    client.onFrameError = (message) => reject(new Error(message));
    client.onStalled = () => reject(new Error('the pose model stopped answering'));
    if (!client.offer(bitmap, tMs)) reject(new Error('the pose worker is closed'));
  });
}

export async function reviewVideo(file: Blob, options: VideoReviewOptions): Promise<VideoReview> {
  const t0 = performance.now();
  options.onProgress?.({ stage: 'opening' });
  const source = new FileFrameSource(file, {
    stepMs: options.stepMs ?? REVIEW_STEP_MS,
    ...(options.timesMs ? { timesMs: options.timesMs } : {}),
    onProgress: (doneMs, durationMs) =>
      options.onProgress?.({ stage: 'frames', doneMs, durationMs }),
  });
  try {
    try {
      await source.open();
    } catch (e) {
      if (e instanceof FrameSourceError) throw new VideoReviewError(e.message, e.reason);
      throw e;
    }
    return await reviewFrames(source, nameOf(file), options, t0);
  } finally {
    source.close();
  }
}

/**
 * The review chain on an open source that waits (`pacing: 'wait'`; its own
 * `onProgress` is its business): each frame through a pose worker of its
 * own, then the session script and reporter. `name`: the recording in
 * messages (`"clip.webm"`); `startedMs`: performance.now() when the review
 * began (for `elapsedMs`).
 */
export async function reviewFrames(
  source: FrameSource & { readonly durationMs: number },
  name: string,
  options: Omit<VideoReviewOptions, 'stepMs' | 'timesMs'>,
  startedMs = performance.now(),
): Promise<VideoReview> {
  const { signal, onProgress } = options;
  const spec = options.engine ?? DEFAULT_REVIEW_ENGINE;
  let client: PoseWorkerClient | undefined;
  try {
    signal?.throwIfAborted();
    onProgress?.({ stage: 'model', durationMs: source.durationMs });
    try {
      client = await PoseWorkerClient.start(spec, {
        timeoutMs: MODEL_PATIENCE_MS,
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      signal?.throwIfAborted();
      throw new VideoReviewError(
        `The pose model could not start: ${(e as Error).message}`,
        'engine',
      );
    }
    client.stallLimitMs = () => FRAME_PATIENCE_MS;
    const poses: TimedPose[] = [];
    let usableFrames = 0;
    const worker = client;
    const run = await source.run(async ({ bitmap, tMs }) => {
      let pose: PoseResult;
      try {
        pose = await analyseFrame(worker, bitmap, tMs);
      } catch (e) {
        throw new VideoReviewError(
          `The pose model failed on the frame at ${(tMs / 1000).toFixed(1)} s: ${(e as Error).message}. Try again, or choose another engine in the coach's settings.`,
          'engine',
        );
      }
      if (options.fromMs !== undefined && pose.tMs < options.fromMs) return;
      if (pose.usable) usableFrames++;
      // As the live coach: the frame goes on as found; the chain decides whether it is usable.
      poses.push({ tMs: pose.tMs, frame: pose.frame });
    }, signal);
    if (run.ended === 'aborted') signal?.throwIfAborted();
    const outcome = reviewPoses(poses, {
      holdTargetS: options.holdTargetS,
      ...(options.exercise ? { exercise: options.exercise } : {}),
      ...(options.side ? { side: options.side } : {}),
    });
    if (!outcome.ok || usableFrames === 0) {
      const nobody = !outcome.ok ? outcome.reason === 'nobody' || usableFrames === 0 : true;
      throw nobody
        ? new VideoReviewError(
            `Nobody was found in ${name} (${poses.length} frames looked at). Choose a video where your whole upper body is in view, in good light.`,
            'nobody',
          )
        : new VideoReviewError(
            `No stretch was recognised in ${name} (a person was seen on ${usableFrames} of ${poses.length} frames). Choose the stretch and analyse it again.`,
            'unrecognised',
          );
    }
    return {
      report: outcome.report,
      exercise: outcome.exercise,
      recognised: outcome.recognised,
      engine: engineName(spec),
      frames: poses.length,
      usableFrames,
      durationMs: source.durationMs,
      elapsedMs: performance.now() - startedMs,
    };
  } finally {
    client?.close();
  }
}
