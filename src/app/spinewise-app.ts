import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../ui/live-session/live-coach.ts';
import '../ui/pose-check/pose-check.ts';

/** App shell. For now one view: the pose engine check. */
@customElement('sw-app')
export class SpinewiseApp extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 1180px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    header h1 { margin: 0; font-size: 1.6rem; color: #0b7a75; }
    header p { margin: 0.25rem 0 1.25rem; color: #444; }
  `;

  override render() {
    return html`
      <header>
        <h1>Spinewise</h1>
        <p>A camera form coach for upper-back stretches. Everything runs on this device.</p>
      </header>
      <main>
        <sw-live-coach></sw-live-coach>
        <h2>Pose engine check</h2>
        <sw-pose-check></sw-pose-check>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-app': SpinewiseApp;
  }
}
