import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { appNow } from '../../controllers/storage-clock.ts';
import { StorageController } from '../../controllers/storage-controller.ts';
import { CLINICIAN_LABELS } from '../../safety/clearance.ts';
import { dayNumber } from '../../safety/day-key.ts';
import { DECISION_TEXT } from '../../safety/decision-texts.ts';
import { EXERCISE_LABELS } from '../../safety/exercise-labels.ts';
import { SAFETY_RULES } from '../../safety/safety-rules.ts';
import {
  type ClinicianReportData,
  clinicianReport,
  type HoldFigures,
  lastDays,
  type PainTrend,
} from './clinician-report-data.ts';

/** Periods offered, days ending today. */
const PERIODS = [7, 14, 30, 90] as const;
/** Safety events listed in full on the page; older ones are counted (one page). */
const SHOWN_EVENTS = 8;
/** Go-aheads listed in full, newest first; older ones are counted. */
const SHOWN_CLEARANCES = 4;

const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const dayLabel = (day: string) =>
  new Date(`${day}T12:00:00`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });

/**
 * A printable one-page report for a clinician (physiotherapist, doctor):
 * per stretch over a chosen period, the holds (count, best, total
 * good-form time, target reached, by side), the twist's left/right
 * balance, the pain trend, the safety decisions and the go-aheads on
 * record. "Print or save as PDF" calls window.print(); the print styles
 * lay it on one A4 page without the app's header, navigation or controls.
 */
@customElement('sw-clinician-report')
export class ClinicianReportView extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 50rem; color: #1d1d1d; }
    h2 { margin: 0 0 0.2rem; font-size: 1.35rem; }
    h2:focus { outline: none; }
    h3 { margin: 0.9rem 0 0.3rem; font-size: 1.05rem; color: #0b6560; }
    p { margin: 0.25rem 0; }
    .muted { color: #555; font-size: 0.92rem; }
    .controls { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; margin: 0.6rem 0 1rem; }
    select, button { font: inherit; }
    button { padding: 0.45rem 0.9rem; border-radius: 8px; border: 1px solid #0b7a75; background: #0b7a75; color: #fff; cursor: pointer; }
    button.plain { background: #fff; color: #0b6560; }
    button:focus-visible, select:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
    th, td { text-align: left; padding: 0.2rem 0.5rem; border-bottom: 1px solid #ddd8cf; vertical-align: top; }
    th { background: #f1eee9; }
    caption { text-align: left; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    .pain svg { width: 100%; max-width: 30rem; height: 4.5rem; display: block; }
    .pain .axis { stroke: #bbb; stroke-width: 1; }
    .pain .line { fill: none; stroke: #b3261e; stroke-width: 2; }
    .pain .dot { fill: #b3261e; }
    .pain .lbl { font: 10px system-ui, sans-serif; fill: #555; }
    .sheet { background: #fff; padding: 1rem 1.25rem; border: 1px solid #ddd8cf; border-radius: 8px; }
    @media print {
      :host { max-width: none; font-size: 10.5pt; }
      .controls, .screen-only { display: none !important; }
      .sheet { border: none; padding: 0; }
      h3 { break-after: avoid; }
      table, .pain { break-inside: avoid; }
    }
  `;

  private readonly storage = new StorageController(this);
  @state() private days: (typeof PERIODS)[number] = 14;

  override render() {
    const now = appNow();
    const report = clinicianReport(this.storage.service.data, lastDays(now, this.days));
    const { fromDay, toDay } = report.period;
    return html`
      <div class="controls" role="group" aria-label="Report options">
        <label>Period
          <select data-testid="report-period" @change=${(e: Event) => {
            this.days = Number((e.target as HTMLSelectElement).value) as (typeof PERIODS)[number];
          }}>
            ${PERIODS.map((d) => html`<option value=${d} ?selected=${d === this.days}>Last ${d} days</option>`)}
          </select>
        </label>
        <button data-testid="report-print" @click=${() => window.print()}>Print or save as PDF</button>
        <button class="plain" @click=${() => this.dispatchEvent(new CustomEvent('sw-report-close', { bubbles: true, composed: true }))}>Back to the pain log and history</button>
      </div>
      <article class="sheet" data-testid="clinician-report" aria-labelledby="report-title">
        <h2 id="report-title" data-view-heading tabindex="-1">Spinewise: stretching report for a clinician</h2>
        <p class="muted">${dayLabel(fromDay)} to ${dayLabel(toDay)} ${toDay.slice(0, 4)}
          (${this.days} days) · made ${new Date(now).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
          · recorded by the person on their own device; holds are good-form time judged by a camera coach, not a clinical measure.</p>
        ${this.renderStretches(report)}
        ${this.renderPain(report.pain)}
        ${this.renderSafety(report)}
      </article>
    `;
  }

  private renderStretches(r: ClinicianReportData) {
    if (r.stretches.length === 0)
      return html`<h3>Stretches</h3><p data-testid="report-no-sessions">No sessions in this period.</p>`;
    const row = (label: string, f: HoldFigures, extra: unknown = nothing) =>
      html`<tr><th scope="row">${label}</th><td class="n">${f.holds}</td><td class="n">${s1(f.bestMs)}</td>
        <td class="n">${s1(f.totalMs)}</td><td class="n">${f.reached}</td><td>${extra}</td></tr>`;
    return html`<h3>Stretches</h3>
      <table data-testid="report-stretches">
        <caption class="muted">Holds: good-form time the coach counted, per stretch${r.stretches.some((s) => s.sides) ? ' and side' : ''}.</caption>
        <thead><tr><th scope="col">Stretch</th><th scope="col" class="n">Holds</th><th scope="col" class="n">Best</th>
          <th scope="col" class="n">Total</th><th scope="col" class="n">Reached target</th><th scope="col">Sessions</th></tr></thead>
        <tbody>
          ${r.stretches.map(
            (s) => html`${row(
              EXERCISE_LABELS[s.exercise],
              s,
              `${s.sessions} on ${s.days} day${s.days === 1 ? '' : 's'}${s.fromVideo ? ` (${s.fromVideo} from a video)` : ''}`,
            )}
            ${
              s.sides
                ? html`${row('  left side', s.sides.left)}${row('  right side', s.sides.right)}
                  <tr data-testid="report-balance"><th scope="row">  balance</th><td colspan="5">${
                    s.leftShare === undefined
                      ? 'no twist holds'
                      : `left ${Math.round(s.leftShare * 100)} % · right ${100 - Math.round(s.leftShare * 100)} % of the twist's good-form time`
                  }</td></tr>`
                : nothing
            }`,
          )}
        </tbody>
      </table>`;
  }

  private renderPain(p: PainTrend) {
    if (p.days.length === 0)
      return html`<h3>Pain</h3><p data-testid="report-pain">No pain entries in this period.</p>`;
    const trend =
      p.change === undefined || p.days.length < 2
        ? `one day logged: worst ${p.last}/10`
        : `worst per day from ${p.first}/10 to ${p.last}/10 (${p.change < 0 ? `${-p.change} lower` : p.change > 0 ? `${p.change} higher` : 'no change'}) over ${p.days.length} days logged`;
    const W = 300;
    const H = 60;
    const d0 = dayNumber(p.days[0]!.day);
    const span = Math.max(1, dayNumber(p.days.at(-1)!.day) - d0);
    const x = (day: string) => 20 + ((dayNumber(day) - d0) / span) * (W - 30);
    const y = (level: number) => 6 + (1 - level / 10) * (H - 16);
    const points = p.days.map((d) => `${x(d.day).toFixed(1)},${y(d.worst).toFixed(1)}`).join(' ');
    return html`<h3>Pain</h3>
      <div class="pain">
        <p data-testid="report-pain">Pain log: ${trend}.</p>
        <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${`Worst pain per day: ${p.days.map((d) => `${dayLabel(d.day)} ${d.worst}`).join(', ')}`}>
          ${svg`<line class="axis" x1="20" x2=${W - 10} y1=${y(0)} y2=${y(0)}></line>
            <text class="lbl" x="2" y=${y(0) + 3}>0</text><text class="lbl" x="2" y=${y(10) + 6}>10</text>
            <polyline class="line" points=${points}></polyline>
            ${p.days.map((d) => svg`<circle class="dot" cx=${x(d.day)} cy=${y(d.worst)} r="3"></circle>`)}`}
        </svg>
      </div>`;
  }

  private renderSafety(r: ClinicianReportData) {
    const events = r.safety.slice(-SHOWN_EVENTS);
    const older = r.safety.length - events.length;
    return html`<h3>Safety decisions</h3>
      ${
        r.safety.length === 0
          ? html`<p>No safety screening or safety stop in this period.</p>`
          : html`<table data-testid="report-safety">
            <thead><tr><th scope="col">Day</th><th scope="col">What</th><th scope="col">Why</th></tr></thead>
            <tbody>${events.map(
              (e) => html`<tr><td>${dayLabel(e.day)}</td>
                <td>${e.kind === 'screening' ? `Screening: ${DECISION_TEXT[e.decision!].title}` : `Stopped for sharp pain (${EXERCISE_LABELS[e.exercise!]})`}</td>
                <td>${e.fired.length ? e.fired.map((id) => SAFETY_RULES[id]?.reason ?? id).join(' ') : 'nothing stood in the way'}</td></tr>`,
            )}</tbody>
          </table>${older ? html`<p class="muted">and ${older} earlier in the period.</p>` : nothing}`
      }
      <h3>Clinician go-aheads</h3>
      ${
        r.clearances.length === 0
          ? html`<p data-testid="report-clearances">None recorded.</p>`
          : html`<ul data-testid="report-clearances">${r.clearances.slice(0, SHOWN_CLEARANCES).map(
              (c) =>
                html`<li>${dayLabel(c.visitDay)} ${c.visitDay.slice(0, 4)}: ${CLINICIAN_LABELS[c.clinician]}${c.clinicianName ? ` (${c.clinicianName})` : ''},
                  for: ${c.covers.map((id) => SAFETY_RULES[id]?.reason ?? id).join(' ')}${c.note ? ` Note: “${c.note}”` : ''}</li>`,
            )}</ul>${
              r.clearances.length > SHOWN_CLEARANCES
                ? html`<p class="muted">and ${r.clearances.length - SHOWN_CLEARANCES} earlier.</p>`
                : nothing
            }`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-clinician-report': ClinicianReportView;
  }
  interface GlobalEventHandlersEventMap {
    /** Asked for from History's data panel: the app shows the report. */
    'sw-open-clinician-report': CustomEvent<void>;
    /** "Back to the pain log and history". */
    'sw-report-close': CustomEvent<void>;
  }
}
