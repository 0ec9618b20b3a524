/**
 * Feeds a <video> to the pose worker, frame by frame, and reports what it
 * found. Uses `requestVideoFrameCallback` (one call per new camera frame)
 * where the browser has it, else `requestAnimationFrame`. A frame is grabbed
 * as an ImageBitmap only when the worker is free; otherwise it is skipped
 * and counted as dropped, so the pose is never more than one frame old.
 * Lifetime: one worker (one engine) at a time; `stop()` or the host leaving
 * ends the loop and the worker.
 *
 * Faults mid-session (rules in worker-fault-rules.ts): a worker that stops
 * answering is ended and started again with the same engine; an engine
 * that fails frame after frame is swapped for a lighter model or the other
 * engine (lighter-engine.ts). Each step is reported through `onTrouble`, in
 * words for the person, so the coach can pause and say what is going on.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EngineSpec } from '../pose/create-pose-engine.ts';
import { engineWords, lighterEngine, specKey } from '../pose/lighter-engine.ts';
import { type PoseResult, PoseWorkerClient } from '../pose/worker/pose-worker-client.ts';
import {
  engineBroken,
  failuresAfter,
  RESTARTS_PER_ENGINE,
  stallLimitMs,
} from '../pose/worker/worker-fault-rules.ts';
import { LoopStats } from './loop-stats.ts';

/**
 * Frames wider than this are scaled down before they go to the model, px:
 * the models look at 256 px (BlazePose) anyway, and a smaller bitmap is
 * cheaper to copy and to turn. Default 960.
 */
export const MAX_FRAME_WIDTH = 960;

/** createImageBitmap options that scale a large camera frame down (aspect kept). */
function frameSize(video: HTMLVideoElement): ImageBitmapOptions {
  const w = video.videoWidth;
  if (w <= MAX_FRAME_WIDTH) return {};
  return {
    resizeWidth: MAX_FRAME_WIDTH,
    resizeHeight: Math.round((video.videoHeight * MAX_FRAME_WIDTH) / w),
    resizeQuality: 'medium',
  };
}

/**
 * A fault and what the loop does about it. `lost`: the pose model is not
 * running (pause, drop the last cue); `back`: it runs again. `sinceMs`:
 * the time of the last frame that came back before the fault (the pause
 * starts there, so a stall's wait is not counted as a gap in a hold).
 */
export type LoopTrouble =
  | { kind: 'lost'; why: 'stopped' | 'failing'; message: string; sinceMs: number }
  | { kind: 'back'; message: string }
  | { kind: 'gave-up'; message: string };

export const TROUBLE_WORDS = {
  stopped: 'The pose model stopped. Paused while it restarts…',
  restarted: 'The pose model stopped; restarted it. Carry on.',
  failing: (what: string, next: string) =>
    `The pose model failed on several frames in a row (${what}). Paused; trying ${next} instead…`,
  switched: (to: string) => `Switched to ${to} after the pose model kept failing. Carry on.`,
  gaveUp:
    'The pose model keeps failing and no other model would start. Stop the session (it is kept), then reload the page or pick another engine in the settings.',
} as const;

export class PoseLoopController implements ReactiveController {
  /** Called on the main thread for every analysed frame. */
  onPose: (pose: PoseResult) => void = () => {};
  /** Called when a frame fails in the worker. */
  onError: (message: string) => void = () => {};
  /** Called when the worker died or the engine keeps failing, and when it runs again. */
  onTrouble: (trouble: LoopTrouble) => void = () => {};
  /** The engine now loaded (or being restarted). */
  spec: EngineSpec | undefined;
  /** Workers restarted and engines switched since the last `load` (for tests and the curious). */
  readonly faults = { restarts: 0, switches: 0 };
  client: PoseWorkerClient | undefined;
  readonly stats = new LoopStats();
  /** Ask the worker for each frame's brightness (setup help). */
  wantBrightness = false;
  paused = false;
  private video: HTMLVideoElement | undefined;
  private handle: number | undefined;
  private grabbing = false;
  private generation = 0;
  private failuresInARow = 0;
  /** Restarts of the engine now loaded, since it was loaded. */
  private restartsHere = 0;
  private lastFrameMs = 0;
  /** Engines given up since the last `load`, as `specKey`s. */
  private readonly tried = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Starts a worker with this engine (closing any previous one). Rejects with
   * a message to show, or with an AbortError when `signal` aborts or the loop
   * is stopped (or loads another engine) meanwhile: the worker is ended then.
   */
  async load(spec: EngineSpec, signal?: AbortSignal): Promise<PoseWorkerClient> {
    this.closeClient();
    this.tried.clear();
    this.restartsHere = 0;
    Object.assign(this.faults, { restarts: 0, switches: 0 });
    const generation = this.generation;
    const client = await PoseWorkerClient.start(spec, { signal });
    if (generation !== this.generation || signal?.aborted) {
      client.close();
      throw signal?.aborted
        ? signal.reason
        : new DOMException('Loading the pose model was cancelled.', 'AbortError');
    }
    this.use(client, spec);
    return client;
  }

  /** Makes `client` the loop's worker. */
  private use(client: PoseWorkerClient, spec: EngineSpec) {
    client.onPose = (pose) => {
      this.failuresInARow = 0;
      this.lastFrameMs = pose.tMs;
      this.stats.add(pose);
      this.onPose(pose);
    };
    client.onFrameError = (m) => this.frameFailed(client, m);
    client.stallLimitMs = () => stallLimitMs(this.stats.inferenceMs);
    client.onStalled = () => void this.recover(client, 'stopped', '');
    this.client = client;
    this.spec = spec;
    this.failuresInARow = 0;
    this.lastFrameMs = performance.now();
    this.stats.reset();
    this.host.requestUpdate();
  }

  private frameFailed(client: PoseWorkerClient, message: string) {
    this.onError(message);
    this.failuresInARow = failuresAfter(this.failuresInARow, true);
    if (engineBroken(this.failuresInARow)) void this.recover(client, 'failing', message);
  }

  /**
   * The worker died (restart it, twice at most per engine, then go lighter)
   * or its engine keeps failing (go lighter at once). Stale when the loop
   * has moved on (stopped, another load) meanwhile.
   */
  private async recover(client: PoseWorkerClient, why: 'stopped' | 'failing', what: string) {
    const spec = this.spec;
    if (this.client !== client || !spec) return;
    client.close();
    this.client = undefined;
    const generation = ++this.generation;
    this.host.requestUpdate();
    let next: EngineSpec | undefined = spec;
    if (why === 'failing' || this.restartsHere >= RESTARTS_PER_ENGINE) {
      this.tried.add(specKey(spec));
      next = lighterEngine(spec, this.tried);
    }
    const sinceMs = this.lastFrameMs;
    const message =
      why === 'stopped' && next === spec
        ? TROUBLE_WORDS.stopped
        : TROUBLE_WORDS.failing(
            what || 'it stopped answering',
            next ? engineWords(next) : 'another model',
          );
    this.onTrouble({ kind: 'lost', why, message, sinceMs });
    while (next) {
      try {
        const fresh = await PoseWorkerClient.start(next);
        if (generation !== this.generation) {
          fresh.close();
          return;
        }
        const same = specKey(next) === specKey(spec);
        if (same) {
          this.faults.restarts++;
          this.restartsHere++;
        } else {
          this.faults.switches++;
          this.restartsHere = 0;
        }
        this.use(fresh, next);
        this.onTrouble({
          kind: 'back',
          message: same ? TROUBLE_WORDS.restarted : TROUBLE_WORDS.switched(engineWords(next)),
        });
        return;
      } catch {
        if (generation !== this.generation) return;
        this.tried.add(specKey(next));
        next = lighterEngine(next, this.tried);
      }
    }
    this.onTrouble({ kind: 'gave-up', message: TROUBLE_WORDS.gaveUp });
  }

  /** Starts pulling frames from this video. */
  attach(video: HTMLVideoElement): void {
    if (this.video === video) return;
    this.detach();
    this.video = video;
    this.schedule();
  }

  private schedule() {
    const video = this.video;
    if (!video) return;
    this.handle =
      'requestVideoFrameCallback' in video
        ? video.requestVideoFrameCallback(this.tick)
        : requestAnimationFrame(() => this.tick());
  }

  private readonly tick = () => {
    const video = this.video;
    const client = this.client;
    if (!video) return;
    this.schedule();
    if (this.paused || !client || video.readyState < 2 || video.videoWidth === 0) return;
    if (client.busy || this.grabbing) {
      client.noteDropped();
      return;
    }
    this.grabbing = true;
    const tMs = performance.now();
    createImageBitmap(video, frameSize(video)).then(
      (bitmap) => {
        this.grabbing = false;
        if (this.client !== client || this.video !== video) bitmap.close();
        else client.offer(bitmap, tMs, this.wantBrightness);
      },
      () => {
        // The video had no frame to give (e.g. it just stopped); the next tick tries again.
        this.grabbing = false;
      },
    );
  };

  /** Stops pulling frames (the worker stays loaded). */
  detach(): void {
    const video = this.video;
    if (video && this.handle !== undefined) {
      if ('cancelVideoFrameCallback' in video) video.cancelVideoFrameCallback(this.handle);
      else cancelAnimationFrame(this.handle);
    }
    this.handle = undefined;
    this.video = undefined;
  }

  private closeClient() {
    this.generation++;
    this.client?.close();
    this.client = undefined;
  }

  /** Ends the loop and the worker. */
  stop(): void {
    this.detach();
    this.closeClient();
  }

  hostDisconnected(): void {
    this.stop();
  }
}
