import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { EXERCISE_IDS, type ExerciseId } from '../../exercises/exercise-ids.ts';
import {
  CLINICIAN_KINDS,
  CLINICIAN_LABELS,
  type ClinicianKind,
  clearanceProblems,
} from '../../safety/clearance.ts';
import type { DayKey } from '../../safety/day-key.ts';
import { EXERCISE_LABELS } from '../../safety/exercise-labels.ts';
import { type RuleId, SAFETY_RULES } from '../../safety/safety-rules.ts';
import { safetyStyles } from '../safety-styles.ts';

/**
 * Lets the person record that a clinician has seen them and agreed to the
 * stretches: who, the date of the visit, and an explicit confirmation. It
 * names what it will open (and what stays closed) before anything is saved.
 * Emits `sw-clearance-submit`; the parent saves it.
 */
@customElement('sw-clearance-form')
export class ClearanceForm extends LitElement {
  static override styles = safetyStyles;

  /** The rules waiting for a clearance. */
  @property({ attribute: false }) awaiting: RuleId[] = [];
  /** Today's day key (the latest allowed visit date). */
  @property() today: DayKey = '';

  @state() private clinician: ClinicianKind = 'physical-therapist';
  @state() private visitDay = '';
  @state() private confirmed = false;
  @state() private problems: string[] = [];
  @query('.errors') private errorBox?: HTMLElement;

  /** What a clearance of every awaited rule opens: the exercises all of them allow. */
  private opens(): ExerciseId[] {
    return EXERCISE_IDS.filter((ex) =>
      this.awaiting.every((id) => SAFETY_RULES[id].openWithClearance.includes(ex)),
    );
  }

  override render() {
    const opens = this.opens();
    const closed = EXERCISE_IDS.filter((ex) => !opens.includes(ex));
    return html`
      <form novalidate @submit=${this.submit} aria-labelledby="clear-title" data-testid="clearance-form">
        <h3 id="clear-title">Seen a clinician already?</h3>
        <p class="muted">
          If a physiotherapist, chiropractor or doctor has examined you and said these stretches are fine,
          record it here. It is kept on this device with the date, and you can see it in your history.
        </p>
        ${
          this.problems.length > 0
            ? html`<div class="errors" role="alert" tabindex="-1">
                <strong>Not recorded yet:</strong>
                <ul>${this.problems.map((p) => html`<li>${p}</li>`)}</ul>
              </div>`
            : nothing
        }
        <div class="field">
          <label for="clinician">Who saw you</label>
          <select id="clinician" @change=${(e: Event) => {
            this.clinician = (e.target as HTMLSelectElement).value as ClinicianKind;
          }}>
            ${CLINICIAN_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.clinician}>${CLINICIAN_LABELS[k]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="name">Their name or practice <span class="muted">(optional)</span></label>
          <input id="name" autocomplete="off" />
        </div>
        <div class="field">
          <label for="visit">Date of the visit</label>
          <input id="visit" type="date" required max=${this.today} .value=${this.visitDay}
            aria-invalid=${this.problems.some((p) => /date|visit/i.test(p)) ? 'true' : 'false'}
            @input=${(e: Event) => {
              this.visitDay = (e.target as HTMLInputElement).value;
            }} />
        </div>
        <div class="field">
          <label for="advice">What they advised <span class="muted">(optional)</span></label>
          <textarea id="advice" rows="2"></textarea>
        </div>
        <p>
          This will open: <strong data-testid="clearance-opens">${opens.length > 0 ? opens.map((e) => EXERCISE_LABELS[e]).join(', ') : 'nothing'}</strong>.
          ${closed.length > 0 ? html`<br /><span class="muted">Stays closed in this app: ${closed.map((e) => EXERCISE_LABELS[e]).join(', ')}.</span>` : nothing}
        </p>
        <label class="choice">
          <input type="checkbox" id="confirm" .checked=${this.confirmed} @change=${(e: Event) => {
            this.confirmed = (e.target as HTMLInputElement).checked;
          }} />
          <span>A clinician has examined me about this and told me these stretches are fine for me.</span>
        </label>
        <div class="actions">
          <button type="submit">Record the clinician’s go-ahead</button>
        </div>
      </form>
    `;
  }

  private async submit(e: Event) {
    e.preventDefault();
    this.problems = clearanceProblems(
      { visitDay: this.visitDay, covers: this.awaiting, confirmed: this.confirmed },
      this.today,
    );
    if (this.problems.length > 0) {
      await this.updateComplete;
      this.errorBox?.focus();
      return;
    }
    const name = this.renderRoot.querySelector<HTMLInputElement>('#name')?.value.trim() ?? '';
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#advice')?.value.trim() ?? '';
    this.dispatchEvent(
      new CustomEvent<ClearanceSubmitDetail>('sw-clearance-submit', {
        detail: {
          clinician: this.clinician,
          visitDay: this.visitDay,
          covers: [...this.awaiting],
          ...(name ? { clinicianName: name } : {}),
          ...(note ? { note } : {}),
        },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

export interface ClearanceSubmitDetail {
  clinician: ClinicianKind;
  visitDay: DayKey;
  covers: RuleId[];
  clinicianName?: string;
  note?: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-clearance-form': ClearanceForm;
  }
  interface GlobalEventHandlersEventMap {
    'sw-clearance-submit': CustomEvent<ClearanceSubmitDetail>;
  }
}
