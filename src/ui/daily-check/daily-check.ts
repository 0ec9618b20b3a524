import { html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { EXERCISE_LABELS } from '../../safety/exercise-labels.ts';
import type { OveruseNote } from '../../safety/overuse.ts';
import { overuseText, POP_EXPLAINER } from '../../safety/overuse-texts.ts';
import { safetyStyles } from '../safety-styles.ts';

/**
 * The one-tap check before each session: "anything new today?". "No" goes
 * on to the exercises; "yes" leads back to the questions. Overuse notes
 * (many sessions today, repeated forcing) are shown here, before the next
 * session starts, with a short explainer of the pop.
 * Emits `sw-daily-check` with `{ anythingNew }`.
 */
@customElement('sw-daily-check')
export class DailyCheck extends LitElement {
  static override styles = safetyStyles;

  /** Overuse notes that apply today. */
  @property({ attribute: false }) notes: OveruseNote[] = [];
  /** What the last screening leaves open. */
  @property({ attribute: false }) open: ExerciseId[] = [];

  @query('h2') private heading?: HTMLElement;

  override firstUpdated() {
    this.heading?.focus();
  }

  override render() {
    return html`
      <section class="card" aria-labelledby="daily-title" data-testid="daily-check">
        <h2 id="daily-title" tabindex="-1">Anything new today?</h2>
        <p>For example sharp pain, swelling, a fall or strain, or new numbness, tingling or weakness.</p>
        ${this.notes.map((n) => {
          const t = overuseText(n);
          return html`<div class="note warn" role="note" data-testid="overuse-${n.kind}">
            <strong>${t.title}.</strong> ${t.body}
          </div>`;
        })}
        ${
          this.notes.length > 0
            ? html`<details><summary>What is that popping sound?</summary><p>${POP_EXPLAINER}</p></details>`
            : nothing
        }
        <div class="actions">
          <button class="primary" data-testid="nothing-new" @click=${() => this.answer(false)}>No, nothing new</button>
          <button data-testid="something-new" @click=${() => this.answer(true)}>Yes, something is new</button>
        </div>
        <p class="muted">Open for you: ${this.open.map((e) => EXERCISE_LABELS[e]).join(', ')}.</p>
      </section>
    `;
  }

  private answer(anythingNew: boolean) {
    this.dispatchEvent(
      new CustomEvent<DailyCheckDetail>('sw-daily-check', {
        detail: { anythingNew },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

export interface DailyCheckDetail {
  anythingNew: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-daily-check': DailyCheck;
  }
  interface GlobalEventHandlersEventMap {
    'sw-daily-check': CustomEvent<DailyCheckDetail>;
  }
}
