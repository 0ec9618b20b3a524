/**
 * The live coach's lines around every stage, as templates: the keys' help
 * line (from the keymap's own table), the captions of what the coach says,
 * and the screen shown while another tab is coaching.
 */
import { html, type TemplateResult } from 'lit';
import type { Caption } from '../../controllers/speech-controller.ts';
import { COACH_KEY_HELP } from './coach-keymap.ts';

export function renderKeyHelp(): TemplateResult {
  return html`<p class="keys">Keys: ${COACH_KEY_HELP.map(
    (h, i) =>
      html`${i ? ' · ' : ''}${h.keys.map((k, j) => html`${j ? '/' : ''}<kbd>${k}</kbd>`)} ${h.does}`,
  )}</p>`;
}

/** The last three things said; safety lines stand out. */
export function renderCaptions(captions: readonly Caption[]): TemplateResult {
  return html`<div class="captions" data-testid="captions" aria-label="Captions of what the coach says">
      ${
        captions.length
          ? captions.slice(-3).map((c) => html`<p class=${c.safety ? 'safety' : ''}>${c.text}</p>`)
          : html`<p class="muted">Captions of everything the coach says appear here.</p>`
      }
    </div>`;
}

/** Another tab is coaching: say so, with a way to coach here instead. */
export function renderOtherTab(takeOver: () => void): TemplateResult {
  return html`<section data-testid="other-tab" aria-labelledby="other-tab-h">
      <h2 id="other-tab-h" tabindex="-1" data-view-heading>Coaching in another tab</h2>
      <p>Spinewise is coaching in another tab or window. One coach at a time keeps the camera
        free and saves each session once.</p>
      <button class="primary" data-testid="take-over" @click=${takeOver}>
        Coach here instead</button>
      <p class="muted">The other tab ends its session (it is kept) and stops its camera.</p>
    </section>`;
}
