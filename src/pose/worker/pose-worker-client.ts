/**
 * The page's side of the pose worker: starts it, hands it frames one at a
 * time and DROPS a frame (closing it at once) while the previous one is
 * still being analysed, so latency never builds up behind a slow model.
 * Lifetime: one engine; `close()` ends the worker and closes any frame not
 * yet sent. Results come back through `onPose`, in order, with the frame's
 * own timestamp.
 */
import type { EngineSpec } from '../create-pose-engine.ts';
import type { EngineRuntime } from '../pose-engine.ts';
import type { FromWorker, ToWorker, WorkerPose } from './pose-worker-protocol.ts';
import { FIRST_FRAME_STALL_MS } from './worker-fault-rules.ts';

/** Longest wait for the engine to load before giving up, ms (a heavy model cold is ~3 s). */
export const DEFAULT_START_TIMEOUT_MS = 60_000;

export interface PoseWorkerInfo {
  engine: string;
  runtime: EngineRuntime;
  /** Worker-side engine creation incl. model fetch and checks, ms. */
  loadMs: number;
}

export interface PoseResult extends WorkerPose {
  /** When the result reached the page (performance.now()), ms. */
  receivedMs: number;
}

export class PoseWorkerClient {
  /** Called for each analysed frame. */
  onPose: (pose: PoseResult) => void = () => {};
  /** Called when a frame could not be analysed (the loop goes on). */
  onFrameError: (message: string) => void = () => {};
  /**
   * Called once when a frame has been out longer than `stallLimitMs()`: the
   * worker is taken as dead (a terminated worker sends no event) and ended.
   */
  onStalled: () => void = () => {};
  /** Called once when the engine's GPU context was lost (it runs on the GPU no more). */
  onGpuLost: (message: string) => void = () => {};
  /** How long a frame may be out, ms (worker-fault-rules.ts; the loop sets it from the model's speed). */
  stallLimitMs: () => number = () => FIRST_FRAME_STALL_MS;
  /** Frames refused because one was in flight. */
  dropped = 0;
  sent = 0;
  private inFlight = false;
  private nextId = 1;
  private closed = false;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    private readonly worker: Worker,
    readonly info: PoseWorkerInfo,
  ) {
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    // An uncaught error in the worker would otherwise leave a frame "in flight" for ever.
    worker.onerror = (e) => {
      e.preventDefault();
      this.receive({ type: 'error', message: e.message || 'the pose worker failed' });
    };
  }

  /**
   * Starts a worker and loads the engine in it; rejects with the worker's own
   * error message. An abort through `signal` ends the worker at once and
   * rejects with the signal's reason (an AbortError).
   */
  static async start(
    spec: EngineSpec,
    options: { turnFrames?: boolean; timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<PoseWorkerClient> {
    const { signal } = options;
    signal?.throwIfAborted();
    const worker = new Worker(new URL('./pose-worker.ts', import.meta.url), {
      type: 'module',
      name: 'spinewise-pose',
    });
    let onAbort = () => {};
    try {
      const info = await new Promise<PoseWorkerInfo>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('The pose model took too long to load. Try a lighter model.')),
          options.timeoutMs ?? DEFAULT_START_TIMEOUT_MS,
        );
        onAbort = () => {
          clearTimeout(timer);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        worker.onmessage = (e: MessageEvent<FromWorker>) => {
          clearTimeout(timer);
          if (e.data.type === 'ready') resolve(e.data);
          else if (e.data.type === 'error') reject(new Error(e.data.message));
        };
        worker.onerror = (e) => {
          clearTimeout(timer);
          reject(new Error(`The pose worker failed to start: ${e.message || 'script error'}`));
        };
        const start: ToWorker = { type: 'start', spec, turnFrames: options.turnFrames };
        worker.postMessage(start);
      });
      return new PoseWorkerClient(worker, info);
    } catch (e) {
      worker.terminate();
      throw e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** True while a frame is being analysed. */
  get busy(): boolean {
    return this.inFlight;
  }

  /**
   * Hands a frame to the worker (transferring it) unless one is in flight;
   * otherwise closes it and counts a drop. Either way the caller no longer
   * owns the bitmap. Returns whether it was sent.
   */
  offer(bitmap: ImageBitmap, tMs: number, wantBrightness = false): boolean {
    if (this.closed || this.inFlight) {
      bitmap.close();
      if (!this.closed) this.dropped++;
      return false;
    }
    this.inFlight = true;
    this.sent++;
    const message: ToWorker = { type: 'frame', id: this.nextId++, tMs, bitmap, wantBrightness };
    this.worker.postMessage(message, [bitmap]);
    this.stallTimer = setTimeout(() => this.stall(), this.stallLimitMs());
    return true;
  }

  /** Counts a frame the loop skipped before even grabbing it (worker busy). */
  noteDropped(): void {
    this.dropped++;
  }

  /** No answer to a frame in time: the worker is ended and the loop told. */
  private stall() {
    if (this.closed) return;
    this.close();
    this.worker.terminate();
    this.onStalled();
  }

  private receive(message: FromWorker) {
    if (this.closed) return;
    if (message.type === 'gpu-lost') {
      this.onGpuLost(message.message);
      return;
    }
    clearTimeout(this.stallTimer);
    if (message.type === 'pose') {
      this.inFlight = false;
      this.onPose({ ...message, receivedMs: performance.now() });
    } else if (message.type === 'error') {
      this.inFlight = false;
      this.onFrameError(message.message);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.stallTimer);
    const message: ToWorker = { type: 'close' };
    this.worker.postMessage(message);
    // The worker frees its engines and closes itself; terminate in case it is stuck in a frame.
    setTimeout(() => this.worker.terminate(), 2000);
  }
}
