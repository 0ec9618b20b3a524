import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { DISCLAIMER } from '../../safety/decision-texts.ts';
import type { RescreenReason } from '../../safety/rescreen.ts';
import {
  allNo,
  QUESTION_GROUP_TEXT,
  QUESTION_GROUPS,
  type QuestionGroup,
  type QuestionId,
  SCREENING_QUESTIONS,
  type ScreeningAnswers,
} from '../../safety/screening-questions.ts';
import { safetyStyles } from '../safety-styles.ts';

/** Why the questions are shown: due by the re-screen rule, or asked for again by the person. */
export type ScreeningReason = RescreenReason | 'again';

const INTRO: Record<ScreeningReason, string> = {
  'first-time':
    'Before your first session, a few quick questions to check that stretching on your own is a good idea for you.',
  'out-of-date':
    'It has been a while since you answered these. Things can change, so here they are again.',
  'new-symptoms':
    'You said something is new. Please go through the questions again so the advice fits how you are now.',
  again: 'Here are the questions again. Answer them as things are for you today.',
};

/**
 * The safety questionnaire. Each group is a short checklist with an
 * explicit "None of these", so an unticked box always means a choice, not
 * a skipped question. Emits `sw-screening-submit` with every answer.
 */
@customElement('sw-screening')
export class ScreeningForm extends LitElement {
  static override styles = safetyStyles;

  /** Why the questions are asked now; picks the intro line. */
  @property() reason: ScreeningReason = 'first-time';

  @state() private answers: Record<QuestionId, boolean> = allNo();
  @state() private none = new Set<QuestionGroup>();
  @state() private missing: QuestionGroup[] = [];
  @query('.errors') private errorBox?: HTMLElement;
  @query('h2') private heading?: HTMLElement;

  override firstUpdated() {
    this.heading?.focus();
  }

  override render() {
    return html`
      <form class="card" novalidate @submit=${this.submit} aria-labelledby="screen-title">
        <h2 id="screen-title" tabindex="-1">A quick safety check</h2>
        <p>${INTRO[this.reason]}</p>
        <p class="note" data-testid="disclaimer">${DISCLAIMER}</p>
        ${
          this.missing.length > 0
            ? html`<div class="errors" role="alert" tabindex="-1" data-testid="screening-errors">
                <strong>Please answer every group.</strong> Tick what applies, or “None of these”:
                <ul>${this.missing.map((g) => html`<li><a href="#g-${g}" @click=${(e: Event) => this.focusGroup(e, g)}>${QUESTION_GROUP_TEXT[g].legend}</a></li>`)}</ul>
              </div>`
            : nothing
        }
        ${QUESTION_GROUPS.map((g) => this.renderGroup(g))}
        <div class="actions">
          <button class="primary" type="submit">See my result</button>
        </div>
      </form>
    `;
  }

  private renderGroup(group: QuestionGroup) {
    const text = QUESTION_GROUP_TEXT[group];
    const invalid = this.missing.includes(group);
    return html`
      <fieldset id="g-${group}" class=${invalid ? 'invalid' : ''} aria-describedby="hint-${group}" aria-invalid=${invalid ? 'true' : 'false'}>
        <legend>${text.legend}</legend>
        <p id="hint-${group}" class="muted">${text.hint}</p>
        ${SCREENING_QUESTIONS.filter((q) => q.group === group).map(
          (q) => html`<label class="choice">
            <input type="checkbox" name=${q.id} .checked=${this.answers[q.id]} @change=${(e: Event) => this.toggle(q.id, group, e)} />
            <span>${q.label}</span>
          </label>`,
        )}
        <label class="choice">
          <input type="checkbox" name="none-${group}" data-none=${group} .checked=${this.none.has(group)} @change=${(e: Event) => this.toggleNone(group, e)} />
          <span>None of these</span>
        </label>
      </fieldset>
    `;
  }

  private toggle(id: QuestionId, group: QuestionGroup, e: Event) {
    const checked = (e.target as HTMLInputElement).checked;
    this.answers = { ...this.answers, [id]: checked };
    if (checked) this.setNone(group, false);
    this.missing = this.missing.filter((g) => g !== group);
  }

  private toggleNone(group: QuestionGroup, e: Event) {
    const checked = (e.target as HTMLInputElement).checked;
    this.setNone(group, checked);
    if (checked) {
      const cleared = { ...this.answers };
      for (const q of SCREENING_QUESTIONS) if (q.group === group) cleared[q.id] = false;
      this.answers = cleared;
      this.missing = this.missing.filter((g) => g !== group);
    }
  }

  private setNone(group: QuestionGroup, on: boolean) {
    const next = new Set(this.none);
    if (on) next.add(group);
    else next.delete(group);
    this.none = next;
  }

  private focusGroup(e: Event, group: QuestionGroup) {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLInputElement>(`#g-${group} input`)?.focus();
  }

  private async submit(e: Event) {
    e.preventDefault();
    this.missing = QUESTION_GROUPS.filter(
      (g) =>
        !this.none.has(g) && !SCREENING_QUESTIONS.some((q) => q.group === g && this.answers[q.id]),
    );
    if (this.missing.length > 0) {
      await this.updateComplete;
      this.errorBox?.focus();
      return;
    }
    this.dispatchEvent(
      new CustomEvent<ScreeningSubmitDetail>('sw-screening-submit', {
        detail: { answers: { ...this.answers } },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

export interface ScreeningSubmitDetail {
  answers: ScreeningAnswers;
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-screening': ScreeningForm;
  }
  interface GlobalEventHandlersEventMap {
    'sw-screening-submit': CustomEvent<ScreeningSubmitDetail>;
  }
}
