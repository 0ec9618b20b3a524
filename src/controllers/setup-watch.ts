/**
 * The setup stage's frames: each pose is checked (ui/setup/setup-check.ts),
 * the flow hears whether everything is right (it starts coaching once that
 * has held long enough), and the most important problem is spoken, one at a
 * time and not too often (ui/setup/setup-hint.ts). `checks` is what the
 * setup panel lists. Lifetime: the host's; `reset()` for each new setup.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { PoseResult } from '../pose/worker/pose-worker-client.ts';
import type { FlowEvent } from '../session/coach-flow.ts';
import { checkSetup, type SetupCheck, setupReady } from '../ui/setup/setup-check.ts';
import { type SpokenHint, setupHintToSay } from '../ui/setup/setup-hint.ts';

export interface SetupWatchDeps {
  dispatch: (event: FlowEvent) => void;
  say: (text: string) => void;
  /** Draws the frame's skeleton, uncoloured (nothing is judged in setup). */
  draw: (frame: PoseResult['frame']) => void;
  requestUpdate: () => void;
  now?: () => number;
}

export class SetupWatch {
  /** The checks of the last frame (empty: none checked yet). */
  checks: SetupCheck[] = [];
  private lastHint: SpokenHint | undefined;
  private readonly now: () => number;

  constructor(private readonly d: SetupWatchDeps) {
    this.now = d.now ?? (() => performance.now());
  }

  get ready(): boolean {
    return setupReady(this.checks);
  }

  /** A new setup (a start, or a routine's next stretch): nothing checked yet. */
  reset(): void {
    this.checks = [];
    this.d.requestUpdate();
  }

  onPose(p: PoseResult, exercise: ExerciseId | undefined): void {
    this.checks = checkSetup(p.frame, p.brightness, exercise);
    this.d.draw(p.frame);
    const ready = this.ready;
    this.d.dispatch({ type: 'setup-frame', ready }); // all right for long enough: coaching starts
    if (ready) return;
    const now = this.now();
    const hint = setupHintToSay(this.checks, this.lastHint, now);
    if (hint) {
      this.lastHint = { id: hint.id, atMs: now };
      this.d.say(hint.text);
    }
  }
}
