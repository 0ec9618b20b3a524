import { css, html, LitElement, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The hold timer as a ring filling toward the target, with the seconds in
 * the middle. While the hold is not counting (form off, or not seen) the
 * ring turns grey and says so, so a still ring never looks like a hold.
 */
@customElement('sw-hold-ring')
export class HoldRing extends LitElement {
  static override styles = css`
    :host { display: inline-block; width: 8.5rem; height: 8.5rem; }
    svg { width: 100%; height: 100%; }
    .track { stroke: #dfe7e6; }
    .fill { stroke: #0b7a75; transition: stroke-dashoffset 0.25s linear; }
    .done .fill { stroke: #2f9e44; }
    .still .fill { stroke: #8d9796; }
    text { font: 600 22px system-ui, sans-serif; fill: #1d1d1d; }
    .small { font: 11px system-ui, sans-serif; fill: #555; }
    .state { font: 600 10px system-ui, sans-serif; fill: #555; }
    @media (prefers-reduced-motion: reduce) { .fill { transition: none; } }
  `;

  /** Good-form time in the current hold, seconds. */
  @property({ type: Number }) seconds = 0;
  /** Target, seconds (15–30). */
  @property({ type: Number }) target = 20;
  /** Whether the hold is counting on this frame (from the screen verdict). */
  @property({ type: Boolean, reflect: true }) counting = false;

  override render() {
    const r = 42;
    const c = 2 * Math.PI * r;
    const share = Math.min(1, this.seconds / this.target);
    const done = share >= 1;
    const held = Math.floor(this.seconds);
    // Before any hold there is nothing to call stopped; after one, a still ring says so.
    const stopped = !this.counting && held > 0;
    const state = this.counting ? 'counting' : stopped ? 'not counting' : '';
    return html`<svg viewBox="0 0 100 100" role="img"
      class=${done ? 'done' : this.counting ? '' : 'still'}
      aria-label=${`Held ${held} of ${this.target} seconds${state ? `, ${state}` : ''}`}>
      ${svg`<circle class="track" cx="50" cy="50" r=${r} fill="none" stroke-width="9"></circle>
      <circle class="fill" cx="50" cy="50" r=${r} fill="none" stroke-width="9" stroke-linecap="round"
        stroke-dasharray=${c} stroke-dashoffset=${c * (1 - share)} transform="rotate(-90 50 50)"></circle>
      <text x="50" y="55" text-anchor="middle" data-testid="hold-seconds">${Math.floor(this.seconds)}</text>
      <text x="50" y="71" text-anchor="middle" class="small">of ${this.target} s</text>
      <text x="50" y="36" text-anchor="middle" class="state" data-testid="hold-state">${stopped ? 'not counting' : ''}</text>`}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-hold-ring': HoldRing;
  }
}
