/**
 * Session time that leaves paused spans out: a frame stamped `tMs` (the
 * page's clock) is handed to the hold timer at `tMs` minus every pause
 * that ended before it. So a pause (Space, a hidden tab, a restarting
 * pose model) neither ends the hold in progress as a long gap between
 * frames nor counts as held time. Pure: every time is an argument.
 */
export class PausedTime {
  /** Paused time of the pauses already over, ms. */
  private pausedMs = 0;
  /** When the current pause began, ms; undefined while running. */
  private since: number | undefined;

  /**
   * Pause (from `atMs`, which may lie a little back: the last frame seen
   * before a model stalled) or run again at `atMs`. Repeats change nothing.
   */
  set(paused: boolean, atMs: number): void {
    if (paused) {
      if (this.since === undefined) this.since = atMs;
      else this.since = Math.min(this.since, atMs);
      return;
    }
    if (this.since === undefined) return;
    this.pausedMs += Math.max(0, atMs - this.since);
    this.since = undefined;
  }

  get paused(): boolean {
    return this.since !== undefined;
  }

  /** Total paused time so far, ms (a pause under way counted up to `nowMs`). */
  totalMs(nowMs: number): number {
    return this.pausedMs + (this.since === undefined ? 0 : Math.max(0, nowMs - this.since));
  }

  /** A frame's time with the paused spans taken out, ms. */
  sessionMs(tMs: number): number {
    return tMs - this.totalMs(tMs);
  }
}
