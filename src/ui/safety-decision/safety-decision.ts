import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { DayKey } from '../../safety/day-key.ts';
import { DECISION_TEXT } from '../../safety/decision-texts.ts';
import type { SafetyVerdict } from '../../safety/evaluate-safety.ts';
import { EXERCISE_LABELS } from '../../safety/exercise-labels.ts';
import { safetyStyles } from '../safety-styles.ts';
import '../clearance/clearance-form.ts';

/** "2026-03-11" → "Wednesday 11 March", in the person's language. */
function longDay(day: DayKey): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
}

/**
 * The screen's decision with its reasons and what to do next. `urgent` is
 * a full-width red alert with no way to start an exercise; `see-professional`
 * explains and offers the clearance form; `not-today` says when to come
 * back; `ok` continues. Events: `sw-continue`, `sw-rescreen`, and the
 * clearance form's `sw-clearance-submit`.
 */
@customElement('sw-safety-decision')
export class SafetyDecision extends LitElement {
  static override styles = [
    safetyStyles,
    css`
      .urgent { border: 4px solid #b3261e; background: #fde7e4; }
      .urgent h2 { color: #8c1d18; font-size: 1.6rem; }
      .urgent .sign { font-size: 2.2rem; line-height: 1; color: #b3261e; }
      .see-professional { border: 3px solid #b26a00; background: #fffaf0; }
      .see-professional h2 { color: #7a4800; }
      .not-today { border: 3px solid #52606d; background: #f4f6f8; }
      .ok { border: 3px solid #0b7a75; background: #f1faf9; }
      ul.reasons li { margin: 0.4rem 0; }
      .next { font-weight: 600; }
      .cleared { color: #0b6560; }
    `,
  ];

  @property({ attribute: false }) verdict?: SafetyVerdict;
  /** Today's day key, for the clearance form's date limit. */
  @property() today: DayKey = '';

  @query('h2') private heading?: HTMLElement;

  override firstUpdated() {
    this.heading?.focus();
  }

  override render() {
    const v = this.verdict;
    if (!v) return nothing;
    const text = DECISION_TEXT[v.decision];
    const standing = v.fired.filter((f) => !f.cleared);
    const cleared = v.fired.filter((f) => f.cleared);
    // Only the steps of the deciding level: a lower level's step (e.g. "record a go-ahead")
    // would contradict the one that matters (e.g. "get medical help now").
    const steps = [
      ...new Set(
        standing.filter((f) => f.rule.decision === v.decision).map((f) => f.rule.nextStep),
      ),
    ];
    return html`
      <section class="card ${v.decision}" data-testid="decision" data-decision=${v.decision}
        role=${v.decision === 'urgent' ? 'alert' : 'region'} aria-labelledby="decision-title">
        ${v.decision === 'urgent' ? html`<div class="sign" aria-hidden="true">⚠</div>` : nothing}
        <h2 id="decision-title" tabindex="-1">${text.title}</h2>
        <p>${text.summary}</p>
        ${
          standing.length > 0
            ? html`<h3>Why</h3><ul class="reasons">${standing.map((f) => html`<li data-rule=${f.id}>${f.rule.reason}</li>`)}</ul>
              <h3>What to do</h3>${steps.map((s) => html`<p class="next">${s}</p>`)}`
            : nothing
        }
        ${
          cleared.length > 0
            ? html`<p class="cleared" data-testid="cleared-note">Your recorded clinician go-ahead covers: ${cleared.map((f) => f.rule.reason.replace(/\.$/, '')).join('; ')}.</p>`
            : nothing
        }
        ${this.renderAction(v)}
      </section>
    `;
  }

  private renderAction(v: SafetyVerdict) {
    switch (v.decision) {
      case 'urgent':
        return html`<p class="muted">No stretches are offered while this stands. If you ticked something by mistake, or once a doctor has seen you,
          <button class="link" @click=${() => this.emit('sw-rescreen')}>answer the questions again</button>.</p>`;
      case 'see-professional':
        return html`<sw-clearance-form .awaiting=${v.awaitingClearance} today=${this.today}></sw-clearance-form>
          <p class="muted">Ticked something by mistake? <button class="link" @click=${() => this.emit('sw-rescreen')}>Answer the questions again</button>.</p>`;
      case 'not-today':
        return html`<p data-testid="reopens">You can check in again on <strong>${v.reopensOn ? longDay(v.reopensOn) : 'another day'}</strong>.
          Meanwhile, noting your pain in the pain log helps spot whether it is settling.</p>
          <p class="muted">Ticked something by mistake? <button class="link" @click=${() => this.emit('sw-rescreen')}>Answer the questions again</button>.</p>`;
      case 'ok':
        return html`<p>Open today: ${v.open.map((e) => EXERCISE_LABELS[e]).join(', ')}.</p>
          <div class="actions"><button class="primary" @click=${() => this.emit('sw-continue')}>Continue</button></div>`;
    }
  }

  private emit(type: 'sw-continue' | 'sw-rescreen') {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-safety-decision': SafetyDecision;
  }
  interface GlobalEventHandlersEventMap {
    'sw-continue': CustomEvent<void>;
    'sw-rescreen': CustomEvent<void>;
  }
}
