import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import '../ui/live-session/live-coach.ts';
import '../ui/pose-check/pose-check.ts';
import '../ui/pain-log/pain-log.ts';
import '../ui/safety-gate/safety-gate.ts';

/** App shell. For now one view: the pose engine check. */
@customElement('sw-app')
export class SpinewiseApp extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 1180px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    header h1 { margin: 0; font-size: 1.6rem; color: #0b7a75; }
    header p { margin: 0.25rem 0 0.75rem; color: #444; }
    nav { display: flex; gap: 0.5rem; margin: 0 0 1.25rem; }
    nav button {
      font: inherit; padding: 0.5rem 1rem; border-radius: 999px; border: 1px solid #0b7a75;
      background: #fff; color: #0b6560; cursor: pointer;
    }
    nav button[aria-current='page'] { background: #0b7a75; color: #fff; }
    nav button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
  `;

  /** Which view is shown: the exercises (behind the safety gate) or the pain log. */
  @state() private view: 'stretch' | 'pain-log' = 'stretch';
  /**
   * Exercises the safety gate opened for this visit; undefined until it is
   * passed, so the camera is never reached first. Cleared when the person
   * leaves for the pain log, so a new entry is weighed before the next session.
   */
  @state() private openExercises: ExerciseId[] | undefined;

  private show(view: 'stretch' | 'pain-log') {
    if (view !== this.view) this.openExercises = undefined;
    this.view = view;
  }

  override render() {
    return html`
      <header>
        <h1>Spinewise</h1>
        <p>A camera form coach for upper-back stretches. Everything runs on this device.</p>
      </header>
      <nav aria-label="Views">
        <button aria-current=${this.view === 'stretch' ? 'page' : 'false'} @click=${() => this.show('stretch')}>Stretch</button>
        <button aria-current=${this.view === 'pain-log' ? 'page' : 'false'} @click=${() => this.show('pain-log')}>Pain log and history</button>
      </nav>
      <main
        @sw-log-pain=${() => this.show('pain-log')}
        @sw-advice-dismiss=${() => {
          // After a safety stop, back through the gate: it closes the day after sharp pain.
          this.openExercises = undefined;
        }}
      >
        ${
          this.view === 'pain-log'
            ? html`<sw-pain-log></sw-pain-log>`
            : html`${
                this.openExercises
                  ? html`<sw-live-coach .allowed=${this.openExercises}></sw-live-coach>`
                  : html`<sw-safety-gate @sw-safety-pass=${(
                      e: CustomEvent<{ open: ExerciseId[] }>,
                    ) => {
                      this.openExercises = e.detail.open;
                    }}></sw-safety-gate>`
              }
              <h2>Pose engine check</h2>
              <sw-pose-check></sw-pose-check>`
        }
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-app': SpinewiseApp;
  }
}
