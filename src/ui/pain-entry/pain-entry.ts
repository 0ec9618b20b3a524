import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  PAIN_CONTEXT_LABELS,
  PAIN_CONTEXTS,
  PAIN_LOCATION_LABELS,
  PAIN_LOCATIONS,
  type PainContext,
  type PainLocation,
  painEntryProblems,
} from '../../safety/pain-entry.ts';
import { safetyStyles } from '../safety-styles.ts';

/** Words for the ends and middle of the scale, read out with the number. */
const LEVEL_WORDS: Record<number, string> = { 0: 'no pain', 5: 'moderate', 10: 'worst imaginable' };

/**
 * A pain-log entry: level 0–10 (one radio button per level, arrow keys move
 * along the scale), where it hurts, and whether it is before or after a
 * session or a day without one. Emits `sw-pain-submit`; the parent saves it
 * and calls `reset()` only once it is saved, so nothing typed is lost.
 */
@customElement('sw-pain-entry')
export class PainEntryForm extends LitElement {
  static override styles = [
    safetyStyles,
    css`
      .scale { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.4rem 0 0.2rem; }
      .scale label {
        display: flex; align-items: center; justify-content: center; min-width: 2.6rem; height: 2.6rem;
        border: 1px solid #999; border-radius: 8px; cursor: pointer; position: relative; background: #fff;
      }
      .scale input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
      .scale label:has(input:checked) { background: #0b7a75; color: #fff; border-color: #0b7a75; }
      .scale label:has(input:focus-visible) { outline: 3px solid #1a5fb4; outline-offset: 2px; }
      .ends { display: flex; justify-content: space-between; max-width: 32rem; font-size: 0.85rem; color: #555; }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1rem; }
    `,
  ];

  /** Preselects "before" / "after" when the form is opened around a session. */
  @property() context: PainContext = 'no-session';

  @state() private level: number | undefined;
  @state() private locations = new Set<PainLocation>();
  @state() private problems: string[] = [];
  @query('.errors') private errorBox?: HTMLElement;

  /** Clears the form after the parent has saved the entry. */
  reset() {
    this.level = undefined;
    this.locations = new Set();
    this.problems = [];
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#note');
    if (note) note.value = '';
  }

  override render() {
    return html`
      <form novalidate @submit=${this.submit} aria-labelledby="pain-title" data-testid="pain-entry">
        <h3 id="pain-title">How is your back right now?</h3>
        ${
          this.problems.length > 0
            ? html`<div class="errors" role="alert" tabindex="-1"><ul>${this.problems.map((p) => html`<li>${p}</li>`)}</ul></div>`
            : nothing
        }
        <fieldset>
          <legend>Pain, from 0 (none) to 10 (worst imaginable)</legend>
          <div class="scale">
            ${Array.from(
              { length: 11 },
              (_, n) => html`<label>
                <input type="radio" name="level" value=${n} .checked=${this.level === n}
                  aria-label=${LEVEL_WORDS[n] ? `${n}, ${LEVEL_WORDS[n]}` : String(n)}
                  @change=${() => {
                    this.level = n;
                  }} />${n}
              </label>`,
            )}
          </div>
          <div class="ends" aria-hidden="true"><span>no pain</span><span>worst imaginable</span></div>
        </fieldset>
        <fieldset>
          <legend>Where <span class="muted">(tick all that apply)</span></legend>
          <div class="grid">
            ${PAIN_LOCATIONS.map(
              (loc) => html`<label class="choice">
                <input type="checkbox" name=${loc} .checked=${this.locations.has(loc)}
                  @change=${(e: Event) => this.toggle(loc, (e.target as HTMLInputElement).checked)} />
                <span>${PAIN_LOCATION_LABELS[loc]}</span>
              </label>`,
            )}
          </div>
        </fieldset>
        <div class="field">
          <label for="context">When</label>
          <select id="context" @change=${(e: Event) => {
            this.context = (e.target as HTMLSelectElement).value as PainContext;
          }}>
            ${PAIN_CONTEXTS.map((c) => html`<option value=${c} ?selected=${c === this.context}>${PAIN_CONTEXT_LABELS[c]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="note">Note <span class="muted">(optional)</span></label>
          <textarea id="note" rows="2"></textarea>
        </div>
        <div class="actions"><button class="primary" type="submit">Save to my pain log</button></div>
      </form>
    `;
  }

  private toggle(loc: PainLocation, on: boolean) {
    const next = new Set(this.locations);
    if (on) next.add(loc);
    else next.delete(loc);
    this.locations = next;
  }

  private async submit(e: Event) {
    e.preventDefault();
    const locations = PAIN_LOCATIONS.filter((l) => this.locations.has(l));
    this.problems =
      this.level === undefined
        ? ['Choose a pain level from 0 to 10.']
        : painEntryProblems({ level: this.level, locations });
    if (this.problems.length > 0 || this.level === undefined) {
      await this.updateComplete;
      this.errorBox?.focus();
      return;
    }
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#note')?.value.trim() ?? '';
    this.dispatchEvent(
      new CustomEvent<PainSubmitDetail>('sw-pain-submit', {
        detail: { level: this.level, locations, context: this.context, ...(note ? { note } : {}) },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

export interface PainSubmitDetail {
  level: number;
  locations: PainLocation[];
  context: PainContext;
  note?: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-pain-entry': PainEntryForm;
  }
  interface GlobalEventHandlersEventMap {
    'sw-pain-submit': CustomEvent<PainSubmitDetail>;
  }
}
