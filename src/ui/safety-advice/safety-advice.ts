import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { SESSION_STOP_ADVICE, type SessionStopReason } from '../../safety/session-stop-advice.ts';

/**
 * The advice shown when a session stops for a safety reason, e.g. after the
 * person presses "sharp pain". The live coach stops first, then renders
 * `<sw-safety-advice reason="sharp-pain">`. Focus moves to the heading when
 * it appears so keyboard and screen-reader users land on it.
 *
 * Events: `sw-log-pain` (the person wants to log the pain now),
 * `sw-advice-dismiss` (they have read it).
 */
@customElement('sw-safety-advice')
export class SafetyAdvice extends LitElement {
  static override styles = css`
    :host { display: block; }
    section {
      border: 2px solid #b3261e; border-radius: 12px; background: #fff8f6;
      padding: 1rem 1.25rem; max-width: 44rem;
    }
    h2 { margin: 0 0 0.5rem; color: #8c1d18; font-size: 1.3rem; }
    h2:focus { outline: 3px solid #1a5fb4; outline-offset: 4px; }
    .now { font-weight: 600; font-size: 1.05rem; }
    ol { padding-left: 1.4rem; }
    li { margin: 0.35rem 0; line-height: 1.4; }
    .explainer { color: #333; border-left: 4px solid #0b7a75; padding-left: 0.75rem; }
    .actions { display: flex; gap: 0.75rem; flex-wrap: wrap; margin-top: 1rem; }
    button {
      font: inherit; padding: 0.55rem 1rem; border-radius: 8px; cursor: pointer;
      border: 1px solid #0b7a75; background: #fff; color: #0b7a75;
    }
    button.primary { background: #0b7a75; color: #fff; }
    button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
  `;

  /** Why the session stopped; picks the advice. */
  @property() reason: SessionStopReason = 'sharp-pain';

  @query('h2') private heading?: HTMLElement;

  override firstUpdated() {
    this.heading?.focus();
  }

  override render() {
    const advice = SESSION_STOP_ADVICE[this.reason] ?? SESSION_STOP_ADVICE['sharp-pain'];
    return html`
      <section aria-labelledby="title" data-testid="safety-advice" data-reason=${this.reason}>
        <h2 id="title" tabindex="-1">${advice.title}</h2>
        <p class="now" role="alert">${advice.now}</p>
        <ol>
          ${advice.steps.map((s) => html`<li>${s}</li>`)}
        </ol>
        ${advice.explainer ? html`<p class="explainer">${advice.explainer}</p>` : nothing}
        <div class="actions">
          <button class="primary" @click=${() => this.emit('sw-log-pain')}>Log my pain now</button>
          <button @click=${() => this.emit('sw-advice-dismiss')}>I have read this</button>
        </div>
      </section>
    `;
  }

  private emit(type: 'sw-log-pain' | 'sw-advice-dismiss') {
    this.dispatchEvent(
      new CustomEvent<SafetyAdviceEventDetail>(type, {
        detail: { reason: this.reason },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

/** Detail of `sw-log-pain` and `sw-advice-dismiss`. */
export interface SafetyAdviceEventDetail {
  reason: SessionStopReason;
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-safety-advice': SafetyAdvice;
  }
  interface GlobalEventHandlersEventMap {
    'sw-log-pain': CustomEvent<SafetyAdviceEventDetail>;
    'sw-advice-dismiss': CustomEvent<SafetyAdviceEventDetail>;
  }
}
