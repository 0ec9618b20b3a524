import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CameraFailure, CameraFailureKind } from '../../controllers/camera-failure.ts';

interface ProblemText {
  title: string;
  what: string;
  steps: string[];
  /** A reassurance or aside after the steps. */
  note?: string;
}

/** One screen per camera failure: what happened and what to do, in plain words. */
export const CAMERA_PROBLEMS: Record<CameraFailureKind, ProblemText> = {
  refused: {
    title: 'Camera access was refused',
    what: 'This page was not allowed to use the camera, so it cannot watch your stretch.',
    steps: [
      'Click the camera or lock icon at the left of the address bar.',
      'Set Camera to “Allow” for this site.',
      'Press “Try again” (or reload the page).',
    ],
    note: 'Nothing you film leaves this device: the pose model runs here, in your browser.',
  },
  'no-camera': {
    title: 'No camera found',
    what: 'This device does not seem to have a camera, or the one chosen is gone.',
    steps: [
      'Plug in a webcam, or open Spinewise on a laptop or phone with a camera.',
      'If a camera is plugged in, check that the system sees it, then press “Try again”.',
    ],
  },
  'in-use': {
    title: 'The camera is busy',
    what: 'Another app or tab is using the camera (a video call, for example).',
    steps: ['Close the other app or tab that uses the camera.', 'Press “Try again”.'],
  },
  ended: {
    title: 'The camera stopped',
    what: 'The camera was unplugged or taken by another app. Your session is paused; nothing is lost.',
    steps: [
      'Plug the camera back in (or close the app that took it).',
      'Press “Resume with camera” to carry on where you left off, or “End session” to see your summary.',
    ],
  },
  insecure: {
    title: 'The camera needs a secure page',
    what: 'Browsers only give the camera to pages served over https or from localhost.',
    steps: ['Open Spinewise at http://localhost:5173 (npm start) or over https.'],
  },
  other: {
    title: 'The camera could not start',
    what: 'The browser gave an error we did not expect.',
    steps: ['Press “Try again”. If it keeps failing, try another browser or camera.'],
  },
};

/**
 * Events: `sw-camera-retry` (try the camera again), `sw-session-end` (only
 * when a session is paused behind this screen), `sw-camera-back` (only
 * before a session: back to choosing).
 */
@customElement('sw-camera-problem')
export class CameraProblem extends LitElement {
  static override styles = css`
    :host { display: block; }
    section { border: 2px solid #c2410c; border-radius: 12px; background: #fff7ed; padding: 1rem 1.25rem; max-width: 44rem; }
    h2 { margin: 0 0 0.5rem; color: #9a3412; font-size: 1.3rem; }
    li { margin: 0.3rem 0; line-height: 1.4; }
    .detail { color: #666; font-size: 0.85rem; }
    .actions { display: flex; gap: 0.75rem; margin-top: 1rem; }
    button { font: inherit; padding: 0.55rem 1rem; border-radius: 8px; border: 1px solid #0b7a75; background: #fff; color: #0b7a75; cursor: pointer; }
    button.primary { background: #0b7a75; color: #fff; }
    button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
  `;

  @property({ attribute: false }) failure: CameraFailure = { kind: 'other' };
  /** A session is paused behind this screen (its data is kept). */
  @property({ type: Boolean }) sessionKept = false;

  override render() {
    const p = CAMERA_PROBLEMS[this.failure.kind];
    return html`<section role="alert" data-testid="camera-problem" data-kind=${this.failure.kind}>
      <h2 tabindex="-1" data-view-heading>${p.title}</h2>
      <p>${p.what}</p>
      <ol>${p.steps.map((s) => html`<li>${s}</li>`)}</ol>
      ${p.note ? html`<p>${p.note}</p>` : nothing}
      ${this.sessionKept ? html`<p data-testid="session-kept"><strong>Your session is paused and kept.</strong></p>` : nothing}
      ${this.failure.detail ? html`<p class="detail">Browser says: ${this.failure.detail}</p>` : nothing}
      <div class="actions">
        <button class="primary" data-testid="camera-retry"
          @click=${() => this.dispatchEvent(new CustomEvent('sw-camera-retry', { bubbles: true, composed: true }))}>
          ${this.sessionKept ? 'Resume with camera' : 'Try again'}</button>
        ${
          this.sessionKept
            ? nothing
            : html`<button data-testid="camera-back"
              @click=${() => this.dispatchEvent(new CustomEvent('sw-camera-back', { bubbles: true, composed: true }))}>Back</button>`
        }
        ${
          this.sessionKept
            ? html`<button data-testid="end-session"
              @click=${() => this.dispatchEvent(new CustomEvent('sw-session-end', { bubbles: true, composed: true }))}>End session</button>`
            : nothing
        }
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-camera-problem': CameraProblem;
  }
  interface GlobalEventHandlersEventMap {
    'sw-camera-retry': CustomEvent<void>;
    'sw-session-end': CustomEvent<void>;
    'sw-camera-back': CustomEvent<void>;
  }
}
