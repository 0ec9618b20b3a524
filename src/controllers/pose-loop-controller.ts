/**
 * Feeds a <video> to the pose worker, frame by frame, and reports what it
 * found. Uses `requestVideoFrameCallback` (one call per new camera frame)
 * where the browser has it, else `requestAnimationFrame`. A frame is grabbed
 * as an ImageBitmap only when the worker is free; otherwise it is skipped
 * and counted as dropped, so the pose is never more than one frame old.
 * Lifetime: one worker (one engine) at a time; `stop()` or the host leaving
 * ends the loop and the worker.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EngineSpec } from '../pose/create-pose-engine.ts';
import { type PoseResult, PoseWorkerClient } from '../pose/worker/pose-worker-client.ts';
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

export class PoseLoopController implements ReactiveController {
  /** Called on the main thread for every analysed frame. */
  onPose: (pose: PoseResult) => void = () => {};
  /** Called when a frame fails in the worker. */
  onError: (message: string) => void = () => {};
  client: PoseWorkerClient | undefined;
  readonly stats = new LoopStats();
  /** Ask the worker for each frame's brightness (setup help). */
  wantBrightness = false;
  paused = false;
  private video: HTMLVideoElement | undefined;
  private handle: number | undefined;
  private grabbing = false;
  private generation = 0;

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
    const generation = this.generation;
    const client = await PoseWorkerClient.start(spec, { signal });
    if (generation !== this.generation || signal?.aborted) {
      client.close();
      throw signal?.aborted
        ? signal.reason
        : new DOMException('Loading the pose model was cancelled.', 'AbortError');
    }
    client.onPose = (pose) => {
      this.stats.add(pose);
      this.onPose(pose);
    };
    client.onFrameError = (m) => this.onError(m);
    this.client = client;
    this.stats.reset();
    this.host.requestUpdate();
    return client;
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
