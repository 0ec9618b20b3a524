/**
 * Where analysed frames come from, whatever the source: the live camera or
 * a recorded video file. The two differ in one thing, their pacing: the
 * camera runs in real time, so a frame that arrives while the model is
 * still busy is dropped (falling behind would put the coach seconds late);
 * a file waits for the model and hands over every frame of its analysis
 * step, each stamped with its media time, so a slow device gives the same
 * result as a fast one, only later.
 *
 * Either way `onFrame`'s promise settling means the consumer is free again.
 * A consumer fed in real time whose work goes on after onFrame returns (the
 * pose loop hands the bitmap to a worker and hears back later) says how
 * busy it is through a FrameGate as well; a source that waits never asks.
 */

export interface SourceFrame {
  /** The picture, scaled to the source's width limit; the consumer closes it. */
  bitmap: ImageBitmap;
  /** The frame's time, ms: its capture time on the page's clock (camera), media time (file). */
  tMs: number;
  /** performance.now() at the grab, ms (camera only: how late after capture it was taken). */
  grabbedMs?: number;
}

/**
 * What a consumer fed in real time says, frame by frame, to a source that
 * drops (`pacing: 'drop'`). Without one, the consumer is busy while the
 * last onFrame's promise is pending.
 */
export interface FrameGate {
  /**
   * Asked as each frame arrives, before it is grabbed: `free` goes on;
   * `busy` drops it (counted, as is a frame arriving while the source's own
   * grab or onFrame's promise is out); `off` skips it uncounted (the
   * consumer takes no frames now: paused, no model loaded).
   */
  state(): 'free' | 'busy' | 'off';
  /**
   * Asked last, with the frame's stamp, right before the grab: false skips
   * it uncounted (e.g. captured before a pause ended). True commits to the
   * grab; onFrame gets the frame unless the grab fails or the run aborts.
   */
  take?(tMs: number): boolean;
  /** A frame was dropped (for the consumer's own count). */
  onDropped?(): void;
}

export interface FrameSourceRun {
  /** Frames handed to the consumer. */
  taken: number;
  /** Frames skipped because the consumer was busy (always 0 for a source that waits). */
  dropped: number;
  /** How the run ended: the source ran out, or the signal aborted it. */
  ended: 'end' | 'aborted';
}

export interface FrameSource {
  /** `drop`: real time, busy frames skipped (camera); `wait`: every frame, at media time (file). */
  readonly pacing: 'drop' | 'wait';
  /**
   * Hands frames to `onFrame` one at a time (the next only after the
   * returned promise settles, or, when dropping, frames meanwhile are
   * skipped) until the source ends or `signal` aborts. Rejects when
   * onFrame rejects. `gate`: read only by a source that drops.
   */
  run(
    onFrame: (frame: SourceFrame) => Promise<void>,
    signal?: AbortSignal,
    gate?: FrameGate,
  ): Promise<FrameSourceRun>;
}

/** A source that could not start, with a message that says what happened and what to do. */
export class FrameSourceError extends Error {
  constructor(
    message: string,
    readonly reason: 'undecodable' | 'empty',
  ) {
    super(message);
    this.name = 'FrameSourceError';
  }
}

/** The media times a file is analysed at: every `stepMs` from 0 while before `durationMs`. */
export function analysisTimes(durationMs: number, stepMs: number): number[] {
  if (!(durationMs > 0) || !(stepMs > 0) || !Number.isFinite(durationMs)) return [];
  const out: number[] = [];
  for (let i = 0; i * stepMs < durationMs; i++) out.push(i * stepMs);
  return out;
}
