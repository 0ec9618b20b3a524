/**
 * Tracking that survives the floor. The pose detectors key on an upright
 * face, so a person lying across the frame (foam roller) or with the head
 * down (child's pose) is often not found at all (FACTS.md, POSING.md). The
 * tracker:
 * - keeps one video-mode engine per orientation, so each carries its own
 *   track from the previous frame's region;
 * - stays with the orientation that last found the person (a person found
 *   upright is carried down by that track as they lie back);
 * - when that track is lost, first asks the same engine again on the same
 *   frame: having dropped its track, it now searches the whole frame afresh
 *   (measured: MediaPipe's track on a person on all fours failed every other
 *   frame while a fresh search found them every time);
 * - when it loses the person, tries the frame turned a quarter either way,
 *   the turn that makes the last seen trunk upright first, and turns the
 *   landmarks back into the original frame;
 * - while turned, looks at the frame as it is once a second and goes back
 *   to it when the person is found there: upright finds are the more
 *   reliable (measured: tfjs BlazePose read some people in turned frames
 *   reversed, head for feet, with full confidence);
 * - when nobody has been found for a while, retries the turns only now and
 *   then, so an empty room does not cost three inferences a frame.
 * Lifetime: one camera or clip; `close()` closes every engine it made.
 */
import type { PoseFrame } from '../core/pose-frame.ts';
import { isUsablePose, trunkImageAngle } from '../core/usable-pose.ts';
import type { EngineRuntime, PoseEngine, PoseInput } from './pose-engine.ts';
import { type QuarterTurn, turnInput, unturnFrame } from './rotate-frame.ts';

/** 0 = as the camera sees it; ±1 = a quarter turn (see rotate-frame.ts). */
export type Orientation = 0 | QuarterTurn;

export interface FloorTrackerOptions {
  /** Makes one engine; called at most once per orientation, when first needed. */
  createEngine: () => Promise<PoseEngine>;
  /** Try turned frames at all. Default true; false gives the plain engine (the baseline). */
  turnFrames?: boolean;
  /**
   * After nobody has been found for this long, turned frames are tried only
   * every `idleRetryMs`. Milliseconds; defaults DEFAULT_IDLE_AFTER_MS, DEFAULT_IDLE_RETRY_MS.
   */
  idleAfterMs?: number;
  idleRetryMs?: number;
  /** While turned, how often to try the frame as it is, ms. Default DEFAULT_UPRIGHT_PROBE_MS. */
  uprightProbeMs?: number;
}

export const DEFAULT_UPRIGHT_PROBE_MS = 1000;

export const DEFAULT_IDLE_AFTER_MS = 2000;
export const DEFAULT_IDLE_RETRY_MS = 500;
/** A trunk further than this from upright in the image counts as lying across it, degrees. */
export const ACROSS_FRAME_DEG = 50;

export interface TrackedPose {
  /** In the original frame's coordinates; null when no orientation found anyone. */
  frame: PoseFrame | null;
  /** Whether the trunk is seen well enough to measure anything (core/usable-pose.ts). */
  usable: boolean;
  /** The orientation that produced `frame`. */
  orientation: Orientation;
  /** Orientations tried for this frame, in order (a cost measure). */
  tried: Orientation[];
}

export class FloorTracker {
  private readonly engines = new Map<Orientation, Promise<PoseEngine>>();
  private current: Orientation = 0;
  private lastTrunkAngle: number | undefined;
  /** The current orientation's engine found a usable pose on the previous frame (it holds a track). */
  private tracking = false;
  private lostSinceMs: number | undefined;
  private lastRetryMs = Number.NEGATIVE_INFINITY;
  private lastUprightProbeMs = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(private readonly options: FloorTrackerOptions) {}

  private engine(o: Orientation): Promise<PoseEngine> {
    let e = this.engines.get(o);
    if (!e) {
      e = this.options.createEngine();
      this.engines.set(o, e);
    }
    return e;
  }

  /** Orientations to try this frame, best bet first. */
  private plan(tMs: number): Orientation[] {
    if (this.options.turnFrames === false) return [0];
    const idleAfter = this.options.idleAfterMs ?? DEFAULT_IDLE_AFTER_MS;
    const idleRetry = this.options.idleRetryMs ?? DEFAULT_IDLE_RETRY_MS;
    if (this.lostSinceMs !== undefined && tMs - this.lostSinceMs > idleAfter) {
      if (tMs - this.lastRetryMs < idleRetry) return [this.current];
      this.lastRetryMs = tMs;
    }
    // Head to the right in the image → a counter-clockwise turn puts it on top.
    const a = this.lastTrunkAngle;
    const upright: Orientation[] =
      a !== undefined && Math.abs(a) > ACROSS_FRAME_DEG
        ? a > 0
          ? [-1, 1, 0]
          : [1, -1, 0]
        : [0, 1, -1];
    const retry = this.tracking ? [this.current] : [];
    const plan: Orientation[] = [
      this.current,
      ...retry,
      ...upright.filter((o) => o !== this.current),
    ];
    const probeEvery = this.options.uprightProbeMs ?? DEFAULT_UPRIGHT_PROBE_MS;
    if (this.current !== 0 && this.tracking && tMs - this.lastUprightProbeMs >= probeEvery) {
      this.lastUprightProbeMs = tMs;
      return [0, ...plan.filter((o) => o !== 0)];
    }
    return plan;
  }

  async detect(input: PoseInput, tMs: number): Promise<TrackedPose> {
    if (this.closed) throw new Error('FloorTracker used after close()');
    const tried: Orientation[] = [];
    let fallback: TrackedPose | undefined;
    for (const o of this.plan(tMs)) {
      tried.push(o);
      const engine = await this.engine(o);
      const found = await engine.detect(o === 0 ? input : turnInput(input, o), tMs);
      const frame = found && o !== 0 ? unturnFrame(found, o) : found;
      if (isUsablePose(frame)) {
        if (o !== this.current) this.lastUprightProbeMs = tMs;
        this.current = o;
        this.tracking = true;
        this.lostSinceMs = undefined;
        this.lastTrunkAngle = trunkImageAngle(frame!) ?? this.lastTrunkAngle;
        return { frame, usable: true, orientation: o, tried };
      }
      if (frame && !fallback) fallback = { frame, usable: false, orientation: o, tried };
    }
    this.tracking = false;
    this.lostSinceMs ??= tMs;
    return fallback
      ? { ...fallback, tried }
      : { frame: null, usable: false, orientation: this.current, tried };
  }

  /** The engine behind the upright orientation: what it is and what it runs on. */
  async engineInfo(): Promise<{ engine: PoseFrame['engine']; runtime: EngineRuntime }> {
    const e = await this.engine(0);
    return { engine: `${e.id}/${e.model}`, runtime: e.runtime };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const e of this.engines.values()) void e.then((engine) => engine.close()).catch(() => {});
    this.engines.clear();
  }
}
