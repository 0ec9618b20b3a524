/**
 * Pauses the live session for something that is not the person's doing
 * (the tab hidden, the pose model stopped or failing) and resumes it when
 * that is over, saying what happened in words. Only a pause it made itself
 * is lifted: a session the person paused stays paused. While paused the
 * last cue is dropped (it no longer describes the person), and the paused
 * span is left out of session time (paused-time.ts), backdated to the last
 * frame that came back, so a hold survives the interruption.
 */
import type { CoachFlowState, FlowEvent } from '../session/coach-flow.ts';
import type { PausedTime } from '../session/paused-time.ts';

export type InterruptionReason = 'hidden' | 'model';

export interface InterruptionDeps {
  flow: () => CoachFlowState;
  dispatch: (event: FlowEvent) => void;
  /** Drops the cue and the skeleton on screen. */
  clearCue: () => void;
  say: (text: string) => void;
  /** The session's paused spans (backdated here). */
  pausedTime: () => PausedTime;
  /** The pose loop's own pause (setup, where the flow does not pause). */
  setLoopPaused: (paused: boolean) => void;
  requestUpdate: () => void;
}

export const INTERRUPTION_WORDS = {
  hidden: 'Paused while this tab is hidden.',
  back: 'Welcome back. Resumed; your hold goes on.',
} as const;

export class SessionInterruptions {
  /** What to tell the person now ('' none); `alert`: something is wrong. */
  note = '';
  alert = false;
  private readonly active = new Set<InterruptionReason>();
  /** Whether the flow's pause is ours to lift. */
  private ownPause = false;

  constructor(private readonly deps: InterruptionDeps) {}

  /** Something stopped the coaching since `sinceMs`. */
  interrupt(reason: InterruptionReason, message: string, sinceMs: number, speak = true): void {
    const d = this.deps;
    this.active.add(reason);
    this.note = message;
    this.alert = reason === 'model';
    d.clearCue();
    const s = d.flow();
    if (s.stage === 'live') {
      if (!s.paused) {
        d.dispatch({ type: 'pause', keepWatching: false });
        this.ownPause = true;
      }
      if (this.ownPause) d.pausedTime().set(true, sinceMs);
    } else if (s.stage === 'setup') {
      d.setLoopPaused(true);
    }
    if (speak) d.say(message);
    d.requestUpdate();
  }

  /** That interruption is over; the session goes on once none is left. */
  end(reason: InterruptionReason, message: string): void {
    const d = this.deps;
    if (!this.active.delete(reason)) return;
    this.note = message;
    this.alert = false;
    if (this.active.size === 0) {
      const s = d.flow();
      if (s.stage === 'live' && this.ownPause && s.paused) d.dispatch({ type: 'resume' });
      else if (s.stage === 'setup') d.setLoopPaused(false);
      this.ownPause = false;
    }
    d.say(message);
    d.requestUpdate();
  }

  /** The tab was hidden (a pause, not spoken: nobody is looking) or shown again at `nowMs`. */
  tabHidden(hidden: boolean, nowMs: number): void {
    if (hidden) this.interrupt('hidden', INTERRUPTION_WORDS.hidden, nowMs, false);
    else this.end('hidden', INTERRUPTION_WORDS.back);
  }

  /** A note that stays (the model gave up): no resume follows. */
  fail(message: string): void {
    this.note = message;
    this.alert = true;
    this.deps.say(message);
    this.deps.requestUpdate();
  }

  /** A new session or going back: nothing pending. */
  clear(): void {
    this.active.clear();
    this.ownPause = false;
    this.note = '';
    this.alert = false;
  }
}
