/**
 * The live coach's keyboard shortcuts, listened for on the window while the
 * host is connected: the keymap (ui/live-session/coach-keymap.ts, a table)
 * says what a key means in this stage; this carries it out. Keys meant for
 * a focused control are left to it, and no key acts while another tab coaches.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type CoachKeyAction,
  coachKeyAction,
  type KeyContext,
  keyBelongsToControl,
} from '../ui/live-session/coach-keymap.ts';

export class CoachKeysController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    /** Where the coach is now; undefined while the keys must do nothing (another tab coaches). */
    private readonly context: () => KeyContext | undefined,
    private readonly actions: Record<CoachKeyAction, () => void>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKey);
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const context = this.context();
    if (!context || keyBelongsToControl(e)) return;
    const hit = coachKeyAction(e, context);
    if (!hit) return;
    if (hit.takesKey) e.preventDefault();
    this.actions[hit.action]();
  };
}
