/**
 * Feeds a <video> to the pose worker, frame by frame, and reports what it
 * found. The frames come from a CameraFrameSource (frame-source-camera.ts),
 * which drops: a frame is grabbed only when the worker is free (this loop's
 * FrameGate says so); otherwise it is skipped and counted as dropped on the
 * worker, so the pose is never more than one frame old. Each frame is
 * stamped with its capture time, so everything after (hold timer, cues,
 * the session's start and pauses) runs on the camera's clock.
 * Lifetime: one worker (one engine) at a time; `stop()` or the host leaving
 * ends the loop and the worker.
 *
 * Faults mid-session (rules in worker-fault-rules.ts): a worker that stops
 * answering is ended and started again with the same engine; an engine
 * that fails frame after frame is swapped for a lighter model or the other
 * engine (lighter-engine.ts); an engine on the GPU whose WebGL context is
 * lost moves to the CPU (same model). Each step is reported through
 * `onTrouble`, in words for the person, so the coach can pause and say
 * what is going on.
 *
 * Keeping up (keep-up-rule.ts, turned on by setting `keepUpCeiling`, as
 * Automatic does): each analysed frame's time feeds the rule; when the device falls
 * behind for a sustained window the loop loads a lighter model in a second
 * worker while the first goes on analysing, then swaps them between two
 * frames and says so (a `lost` and `back` pair at once: the coach's pause
 * between them is empty, so the hold goes on); it steps back up the same
 * way when there is room again. Frames are still dropped, never queued.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EngineSpec } from '../pose/create-pose-engine.ts';
import type { FrameGate, SourceFrame } from '../pose/frame-source.ts';
import { CameraFrameSource } from '../pose/frame-source-camera.ts';
import {
  type KeepUpDecision,
  type KeepUpOptions,
  KeepUpRule,
  keepUpLadder,
} from '../pose/keep-up-rule.ts';
import { cpuEngine, engineWords, lighterEngine, onCpu, specKey } from '../pose/lighter-engine.ts';
import { type PoseResult, PoseWorkerClient } from '../pose/worker/pose-worker-client.ts';
import {
  engineBroken,
  failuresAfter,
  isGpuLoss,
  RESTARTS_PER_ENGINE,
  stallLimitMs,
} from '../pose/worker/worker-fault-rules.ts';
import { LoopStats } from './loop-stats.ts';

/**
 * A fault and what the loop does about it. `lost`: the pose model is not
 * running (pause, drop the last cue); `back`: it runs again. `sinceMs`:
 * the time of the last frame that came back before the fault (the pause
 * starts there, so a stall's wait is not counted as a gap in a hold).
 */
export type LoopTrouble =
  | {
      kind: 'lost';
      why: 'stopped' | 'failing' | 'gpu-lost' | 'keep-up';
      message: string;
      sinceMs: number;
    }
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
  fallingBehind: 'This device is falling behind the camera; moving to a lighter model…',
  roomAgain: 'This device has room again; moving back to the more accurate model…',
  keptUp: (to: string) => `Switched to the lighter model (${to}) to keep up with your camera.`,
  steppedUp: (to: string) =>
    `Your device has room again: switched back to the more accurate model (${to}).`,
  gpuLost:
    'The graphics processor stopped running the pose model. Paused while it moves to the CPU…',
  onCpu: (to: string) => `The pose model runs on the CPU now (${to}). Carry on.`,
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
  /** Keep-up steps and GPU-to-CPU moves since the last `load` (for tests and the curious). */
  readonly adapted = { down: 0, up: 0, toCpu: 0 };
  /** The keep-up rule while it is on (`keepUpCeiling`); undefined: the engine stays as loaded. */
  keepUp: KeepUpRule | undefined;
  /**
   * The keep-up rule's tuning for every rule made from now on (defaults:
   * DEFAULT_KEEP_UP). A browser test shortens the windows and widens the
   * budget so a loaded machine can show a step down and back up.
   */
  keepUpOptions: Partial<KeepUpOptions> = {};
  client: PoseWorkerClient | undefined;
  readonly stats = new LoopStats();
  /** Ask the worker for each frame's brightness (setup help). */
  wantBrightness = false;
  private isPaused = false;
  /** When the loop last ran again after a pause, ms: a frame captured before it is not taken. */
  private resumedMs = Number.NEGATIVE_INFINITY;
  /** When the frame now in the worker was grabbed, ms (one frame in flight at a time). */
  private grabbedMs = 0;
  /** A keep-up switch is loading its model (no samples meanwhile). */
  private switching = false;
  /** The GPU context was lost this session: every engine from now on runs on the CPU. */
  private cpuOnly = false;
  private video: HTMLVideoElement | undefined;
  /** Aborted to stop pulling frames from `video`. */
  private frames: AbortController | undefined;
  /** The worker the frame being grabbed is for: one swapped in meanwhile does not get it. */
  private grabbingFor: PoseWorkerClient | undefined;
  private generation = 0;
  private failuresInARow = 0;
  /** Restarts of the engine now loaded, since it was loaded. */
  private restartsHere = 0;
  private lastFrameMs = 0;
  /** Engines given up since the last `load`, as `specKey`s. */
  private readonly tried = new Set<string>();
  /**
   * Aborted when the loop stops or loads another engine: a worker still
   * loading for a restart or a keep-up swap is ended then, not left to
   * finish loading a model nobody will use.
   */
  private starts = new AbortController();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** No frames are taken while paused; the keep-up rule counts afresh after a pause. */
  get paused(): boolean {
    return this.isPaused;
  }
  set paused(paused: boolean) {
    if (paused !== this.isPaused) this.keepUp?.restart();
    if (this.isPaused && !paused) this.resumedMs = performance.now();
    this.isPaused = paused;
  }

  /**
   * Set to the engine now loaded to keep up with the camera from now on,
   * with it as the ceiling: a lighter model when the device falls behind,
   * back up to it when there is room (keep-up-rule.ts). Undefined: off (a
   * `load` turns it off).
   */
  set keepUpCeiling(spec: EngineSpec | undefined) {
    this.keepUp =
      spec &&
      new KeepUpRule(
        keepUpLadder(spec).map((s) => this.placed(s)),
        this.keepUpOptions,
      );
  }
  get keepUpCeiling(): EngineSpec | undefined {
    return this.keepUp?.ladder[0];
  }

  /** A spec as it may run now: on the CPU once the GPU context was lost. */
  private placed(spec: EngineSpec): EngineSpec {
    return this.cpuOnly ? onCpu(spec) : spec;
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
    this.keepUp = undefined;
    this.cpuOnly = false;
    Object.assign(this.faults, { restarts: 0, switches: 0 });
    Object.assign(this.adapted, { down: 0, up: 0, toCpu: 0 });
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
      this.keepUpSample(client, pose);
    };
    client.onFrameError = (m) => this.frameFailed(client, m);
    client.onGpuLost = (m) => void this.recover(client, 'gpu-lost', m);
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
    if (isGpuLoss(message) && this.spec && cpuEngine(this.spec, client.info.runtime.backend)) {
      void this.recover(client, 'gpu-lost', message);
      return;
    }
    this.onError(message);
    this.failuresInARow = failuresAfter(this.failuresInARow, true);
    if (engineBroken(this.failuresInARow)) void this.recover(client, 'failing', message);
  }

  /**
   * The worker died (restart it, twice at most per engine, then go lighter),
   * its engine keeps failing (go lighter at once) or lost its GPU context
   * (the same model on the CPU). Stale when the loop has moved on
   * (stopped, another load) meanwhile.
   */
  private async recover(
    client: PoseWorkerClient,
    why: 'stopped' | 'failing' | 'gpu-lost',
    what: string,
  ) {
    const spec = this.spec;
    if (this.client !== client || !spec) return;
    const cpu = why === 'gpu-lost' ? cpuEngine(spec, client.info.runtime.backend) : undefined;
    if (why === 'gpu-lost' && !cpu) return; // not on the GPU: nothing lost
    client.close();
    this.client = undefined;
    const generation = ++this.generation;
    this.host.requestUpdate();
    let next: EngineSpec | undefined = spec;
    if (cpu) {
      this.cpuOnly = true;
      next = cpu;
    } else if (why === 'failing' || this.restartsHere >= RESTARTS_PER_ENGINE) {
      this.tried.add(specKey(spec));
      next = this.nextLighter(spec);
    }
    const sinceMs = this.lastFrameMs;
    const message = cpu
      ? TROUBLE_WORDS.gpuLost
      : why === 'stopped' && next === spec
        ? TROUBLE_WORDS.stopped
        : TROUBLE_WORDS.failing(
            what || 'it stopped answering',
            next ? engineWords(next) : 'another model',
          );
    this.onTrouble({ kind: 'lost', why, message, sinceMs });
    while (next) {
      try {
        const fresh = await PoseWorkerClient.start(next, { signal: this.starts.signal });
        if (generation !== this.generation) {
          fresh.close();
          return;
        }
        const same = specKey(next) === specKey(spec);
        if (cpu && next === cpu) this.adapted.toCpu++;
        else if (same) {
          this.faults.restarts++;
          this.restartsHere++;
        } else {
          this.faults.switches++;
          this.restartsHere = 0;
        }
        if (this.keepUp) {
          // Keeping up goes on from the engine that runs now.
          if (same && !cpu) this.keepUp.restart();
          else this.keepUpCeiling = next;
        }
        this.use(fresh, next);
        this.onTrouble({
          kind: 'back',
          message:
            cpu && next === cpu
              ? TROUBLE_WORDS.onCpu(engineWords(next))
              : same
                ? TROUBLE_WORDS.restarted
                : TROUBLE_WORDS.switched(engineWords(next)),
        });
        return;
      } catch {
        if (generation !== this.generation) return;
        this.tried.add(specKey(next));
        next = this.nextLighter(next);
      }
    }
    this.onTrouble({ kind: 'gave-up', message: TROUBLE_WORDS.gaveUp });
  }

  /** The next engine after a failure, on the CPU once the GPU context was lost. */
  private nextLighter(spec: EngineSpec): EngineSpec | undefined {
    const next = lighterEngine(spec, this.tried);
    return next && this.placed(next);
  }

  /** One analysed frame's time for the keep-up rule; acts on its verdict. */
  private keepUpSample(client: PoseWorkerClient, pose: PoseResult) {
    const rule = this.keepUp;
    if (!rule || this.switching || this.client !== client) return;
    // Grab (not capture: the camera's own delay is no work of this device) to result, with one
    // model run (a searching tracker may run it up to 4 times a frame).
    const runs = Math.max(1, pose.tried);
    const frameMs = pose.receivedMs - this.grabbedMs - pose.inferenceMs + pose.inferenceMs / runs;
    const decision = rule.sample(frameMs, pose.receivedMs);
    if (decision.kind === 'switch') void this.keepUpSwitch(client, rule, decision);
  }

  /**
   * Loads the model the rule asked for in a second worker while `client`
   * goes on analysing, then swaps them between two frames. Given up when
   * the loop moved on meanwhile (a fault, a stop, another load).
   */
  private async keepUpSwitch(
    client: PoseWorkerClient,
    rule: KeepUpRule,
    decision: Extract<KeepUpDecision, { kind: 'switch' }>,
  ) {
    const generation = this.generation;
    const stale = () =>
      generation !== this.generation || this.client !== client || this.keepUp !== rule;
    this.switching = true;
    try {
      const fresh = await PoseWorkerClient.start(decision.spec, { signal: this.starts.signal });
      if (stale()) {
        fresh.close();
        return;
      }
      const down = decision.direction === 'down';
      // Said as a lost-and-back pair in one go, so the coach shows it where it shows the other
      // faults; the pause between them is empty (the new worker is loaded and warm already).
      this.onTrouble({
        kind: 'lost',
        why: 'keep-up',
        message: down ? TROUBLE_WORDS.fallingBehind : TROUBLE_WORDS.roomAgain,
        sinceMs: this.lastFrameMs,
      });
      client.close();
      rule.switched(decision.index, performance.now());
      this.adapted[decision.direction]++;
      this.restartsHere = 0;
      this.use(fresh, decision.spec);
      const words = engineWords(decision.spec);
      this.onTrouble({
        kind: 'back',
        message: down ? TROUBLE_WORDS.keptUp(words) : TROUBLE_WORDS.steppedUp(words),
      });
    } catch {
      if (!stale()) rule.failed(decision.index);
    } finally {
      this.switching = false;
    }
  }

  /** Starts pulling frames from this video. */
  attach(video: HTMLVideoElement): void {
    if (this.video === video) return;
    this.detach();
    this.video = video;
    this.frames = new AbortController();
    void new CameraFrameSource(video).run(this.offer, this.frames.signal, this.gate);
  }

  /** Whether the source grabs the frame arriving now, and where its drops are counted. */
  private readonly gate: FrameGate = {
    state: () => (this.paused || !this.client ? 'off' : this.client.busy ? 'busy' : 'free'),
    take: (tMs) => {
      // Taken just before a pause ended (shown after it): it shows a moment the pause left out.
      if (tMs < this.resumedMs) return false;
      this.grabbingFor = this.client;
      return true;
    },
    onDropped: () => this.client?.noteDropped(),
  };

  /** A grabbed frame to the worker it was grabbed for, if that is still the loop's. */
  private readonly offer = async ({ bitmap, tMs, grabbedMs }: SourceFrame): Promise<void> => {
    const client = this.grabbingFor;
    this.grabbingFor = undefined;
    if (!client || this.client !== client) bitmap.close();
    else if (client.offer(bitmap, tMs, this.wantBrightness)) this.grabbedMs = grabbedMs ?? tMs;
  };

  /** Stops pulling frames (the worker stays loaded). */
  detach(): void {
    this.frames?.abort();
    this.frames = undefined;
    this.video = undefined;
  }

  private closeClient() {
    this.generation++;
    this.starts.abort(new DOMException('The pose loop moved on.', 'AbortError'));
    this.starts = new AbortController();
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
