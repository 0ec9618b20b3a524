/**
 * Where analysed frames come from, whatever the source: the live camera or
 * a recorded video file. The two differ in one thing, their pacing: the
 * camera runs in real time, so a frame that arrives while the model is
 * still busy is dropped (falling behind would put the coach seconds late);
 * a file waits for the model and hands over every frame of its analysis
 * step, each stamped with its media time, so a slow device gives the same
 * result as a fast one, only later.
 */

export interface SourceFrame {
  /** The picture, scaled to the source's width limit; the consumer closes it. */
  bitmap: ImageBitmap;
  /** The frame's time, ms: performance.now() when grabbed (camera), media time (file). */
  tMs: number;
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
   * skipped) until the source ends or `signal` aborts.
   */
  run(
    onFrame: (frame: SourceFrame) => Promise<void>,
    signal?: AbortSignal,
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
