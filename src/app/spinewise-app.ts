import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { markOnboardingSeen, onboardingSeen } from '../controllers/onboarding-seen.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import '../ui/live-session/live-coach.ts';
import '../ui/pose-check/pose-check.ts';
import '../ui/pain-log/pain-log.ts';
import '../ui/safety-gate/safety-gate.ts';
import '../ui/onboarding/first-run-guide.ts';
import '../ui/video-review/video-review.ts';
import '../ui/clinician-report/clinician-report.ts';
import type { ClosedExercises } from '../safety/closed-exercises.ts';
import type { SafetyPassDetail } from '../ui/safety-gate/safety-gate.ts';

type View = 'stretch' | 'pain-log' | 'clinician-report' | 'video-review' | 'engine-check' | 'guide';

/** App shell: the stretches behind the safety gate, the pain log, and the engine check. */
@customElement('sw-app')
export class SpinewiseApp extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 1180px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    header h1 { margin: 0; font-size: 1.6rem; color: #0b7a75; }
    header p { margin: 0.25rem 0 0.75rem; color: #444; }
    nav { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 1.25rem; }
    nav button {
      font: inherit; padding: 0.5rem 1rem; border-radius: 999px; border: 1px solid #0b7a75;
      background: #fff; color: #0b6560; cursor: pointer;
    }
    nav button[aria-current='page'] { background: #0b7a75; color: #fff; }
    nav button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
    /* Printing (the clinician's report): the page's content only, no app chrome. */
    @media print { :host { padding: 0; max-width: none; } header, nav { display: none; } }
  `;

  /**
   * Which view is shown: the exercises (behind the safety gate), the pain
   * log, or the engine check (runs the models on a bundled picture, never
   * the camera, so it needs no screening).
   */
  @state() private view: View = 'stretch';
  /**
   * Exercises the safety gate opened for this visit; undefined until it is
   * passed, so the camera is never reached first. Cleared when the person
   * leaves for the pain log, so a new entry is weighed before the next session.
   */
  @state() private openExercises: ExerciseId[] | undefined;
  /** Why the other exercises stay closed (from the same pass). */
  @state() private closedExercises: ClosedExercises = {};
  /** First visit in this browser: the getting-started guide shows above the safety questions until dismissed. */
  @state() private firstRun = !onboardingSeen();

  private show(view: View) {
    if (view !== this.view) this.openExercises = undefined;
    this.view = view;
  }

  private renderView() {
    switch (this.view) {
      case 'pain-log':
        return html`<sw-pain-log></sw-pain-log>`;
      case 'guide':
        return html`<sw-first-run-guide></sw-first-run-guide>`;
      case 'clinician-report':
        return html`<sw-clinician-report></sw-clinician-report>`;
      case 'video-review':
        return html`<sw-video-review></sw-video-review>`;
      case 'engine-check':
        return html`<h2>Pose engine check</h2>
          <sw-pose-check></sw-pose-check>`;
      case 'stretch':
        return this.openExercises
          ? html`<sw-live-coach .allowed=${this.openExercises} .closed=${this.closedExercises}></sw-live-coach>`
          : html`${this.firstRun ? html`<sw-first-run-guide dismissible></sw-first-run-guide>` : ''}
            <sw-safety-gate @sw-safety-pass=${(e: CustomEvent<SafetyPassDetail>) => {
              this.closedExercises = e.detail.closed;
              this.openExercises = e.detail.open;
            }}></sw-safety-gate>`;
    }
  }

  override render() {
    return html`
      <header>
        <h1>Spinewise</h1>
        <p>A camera form coach for upper-back stretches. Everything runs on this device.</p>
      </header>
      <nav aria-label="Views">
        <button aria-current=${this.view === 'stretch' ? 'page' : 'false'} @click=${() => this.show('stretch')}>Stretch</button>
        <button aria-current=${this.view === 'pain-log' || this.view === 'clinician-report' ? 'page' : 'false'} @click=${() => this.show('pain-log')}>Pain log and history</button>
        <button aria-current=${this.view === 'video-review' ? 'page' : 'false'} data-testid="nav-video-review" @click=${() => this.show('video-review')}>Review a video</button>
        <button aria-current=${this.view === 'guide' ? 'page' : 'false'} data-testid="nav-guide" @click=${() => this.show('guide')}>Getting started</button>
        <button aria-current=${this.view === 'engine-check' ? 'page' : 'false'} @click=${() => this.show('engine-check')}>Engine check</button>
      </nav>
      <main
        @sw-log-pain=${() => this.show('pain-log')}
        @sw-open-clinician-report=${() => this.show('clinician-report')}
        @sw-report-close=${() => this.show('pain-log')}
        @sw-first-run-done=${() => {
          this.firstRun = false;
          markOnboardingSeen();
        }}
        @sw-advice-dismiss=${() => {
          // After a safety stop, back through the gate: it closes the day after sharp pain.
          this.openExercises = undefined;
        }}
        @sw-session-again=${() => {
          // Every session starts with the one-tap daily check ("anything new today?").
          this.openExercises = undefined;
        }}
      >
        ${this.renderView()}
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-app': SpinewiseApp;
  }
}
