/**
 * The coaching session's lifetime for the live coach: makes the LiveSession
 * when the flow goes live, ends it (stored on this device) when the flow
 * stops, and keeps its summary and any storage message for the screen.
 * Lifetime: one session at a time; `clear()` or the host leaving closes it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Side } from '../core/body-points.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { CoachHold } from '../session/coach-pipeline.ts';
import { type FinishedSession, LiveSession, type LiveSessionOptions } from './live-session.ts';

export interface SessionSummary {
  exercise: ExerciseId | undefined;
  /** Live coaching time, ms. */
  durationMs: number;
  holds: CoachHold[];
  /** Cues given. */
  cues: number;
  holdTargetS: number;
  stoppedFor: 'done' | 'sharp-pain';
  /** Written to this device's storage (IndexedDB) in full. */
  saved: boolean;
}

export type CoachSessionOptions = Pick<LiveSessionOptions, 'describe' | 'isAllowed' | 'say'>;

export interface SessionStart {
  exercise: ExerciseId | undefined;
  twistSide: Side;
  holdTargetS: number;
  /** When coaching started, performance.now() ms. */
  atMs: number;
}

export class CoachSessionController implements ReactiveController {
  /** The session while coaching, and after it ended until cleared. */
  session: LiveSession | undefined;
  summary: SessionSummary | undefined;
  /** What went wrong writing to this device's storage (empty: nothing). */
  storageNote = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CoachSessionOptions,
  ) {
    host.addController(this);
  }

  start(s: SessionStart): LiveSession {
    this.clear();
    this.storageNote = '';
    this.session = new LiveSession({
      ...this.options,
      exercise: s.exercise,
      twistSide: s.twistSide,
      holdTargetS: s.holdTargetS,
      startMs: s.atMs,
      onStorageError: (m) => {
        this.storageNote = m;
        this.host.requestUpdate();
      },
    });
    return this.session;
  }

  /**
   * Ends the session at `atMs` (stored on this device) and summarises it;
   * `durationMs`: the time coached. A stop before coaching began gives an
   * empty summary. Returns what the session did (undefined: none ran).
   */
  end(
    reason: SessionSummary['stoppedFor'],
    atMs: number,
    durationMs: number,
    holdTargetS: number,
  ): FinishedSession | undefined {
    const done = this.session?.finish(atMs, reason === 'sharp-pain' ? 'sharp-pain' : undefined);
    this.summary = {
      exercise: done?.exercise,
      durationMs,
      holds: done?.holds ?? [],
      cues: done?.cues ?? 0,
      holdTargetS,
      stoppedFor: reason,
      saved: false,
    };
    const summary = this.summary;
    void done?.saved.then(() => {
      // Only the summary it belongs to, and only when every write went through.
      if (this.summary !== summary || this.storageNote) return;
      this.summary = { ...summary, saved: true };
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
    return done;
  }

  /**
   * Sharp pain told after the session ended (a routine's rest): the summary
   * and the stored session say it stopped for sharp pain, so the rest of the
   * day is closed as after a stop in the stretch.
   */
  async markSharpPain(): Promise<void> {
    if (this.summary) this.summary = { ...this.summary, stoppedFor: 'sharp-pain' };
    this.host.requestUpdate();
    await this.session?.restop('sharp-pain');
  }

  /** Drops the session and its summary (back to choosing, or a routine's next stretch). */
  clear(): void {
    this.session?.close();
    this.session = undefined;
    this.summary = undefined;
  }

  hostDisconnected(): void {
    this.session?.close();
  }
}
