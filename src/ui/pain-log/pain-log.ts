import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { appNow } from '../../controllers/storage-clock.ts';
import { StorageController } from '../../controllers/storage-controller.ts';
import { CLINICIAN_LABELS } from '../../safety/clearance.ts';
import { dailyPain } from '../../safety/daily-pain.ts';
import { toDayKey } from '../../safety/day-key.ts';
import { DECISION_TEXT } from '../../safety/decision-texts.ts';
import { evaluateSafety } from '../../safety/evaluate-safety.ts';
import { EXERCISE_LABELS } from '../../safety/exercise-labels.ts';
import { PAIN_CONTEXT_LABELS, PAIN_LOCATION_LABELS } from '../../safety/pain-entry.ts';
import { goodFormMs } from '../../session/history-series.ts';
import { safetyInputFrom } from '../../session/safety-input.ts';
import type { SessionRecord } from '../../session/storage-schema.ts';
import { sessionHolds } from '../../session/stored-session.ts';
import type { PainEntryForm, PainSubmitDetail } from '../pain-entry/pain-entry.ts';
import { safetyStyles } from '../safety-styles.ts';
import '../pain-chart/pain-chart.ts';
import '../pain-entry/pain-entry.ts';
import '../storage-status/storage-status.ts';
import '../data-controls/data-controls.ts';
import '../history/hold-history.ts';
import '../session-timeline/session-timeline.ts';

/** Entries and sessions listed below the chart. */
const RECENT_ROWS = 10;

function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * The pain log and history: a new entry, the trend chart, what the
 * persistence rule reads from it, recent entries, sessions, screenings and
 * clearances, and the export. Everything shown lives in this browser only.
 */
@customElement('sw-pain-log')
export class PainLog extends LitElement {
  static override styles = [
    safetyStyles,
    css`
      ul.rows { list-style: none; padding: 0; margin: 0; }
      ul.rows li { padding: 0.45rem 0; border-bottom: 1px solid #eee7dd; }
      .level { display: inline-block; min-width: 3rem; font-weight: 700; }
      .advice { border: 3px solid #b26a00; background: #fffaf0; }
      button.link { font: inherit; background: none; border: none; color: #0b6560; text-decoration: underline; cursor: pointer; padding: 0 0.3rem; }
      .timeline { margin: 0.8rem 0; padding-top: 0.5rem; border-top: 2px solid #e3ded6; }
    `,
  ];

  private readonly storage = new StorageController(this);
  @query('sw-pain-entry') private form?: PainEntryForm;
  @query('h2') private heading?: HTMLElement;
  /** The session whose timeline is open, by id. */
  @state() private timelineOf: string | undefined;

  override firstUpdated() {
    this.heading?.focus();
  }

  override render() {
    const service = this.storage.service;
    const data = service.data;
    const today = toDayKey(appNow());
    const verdict = evaluateSafety(safetyInputFrom(data, today));
    const unsaved = new Set(service.pending.map((p) => p.record.id));
    const fromLog = verdict.fired.filter((f) => f.id.startsWith('log-') && !f.cleared);
    return html`
      <h2 tabindex="-1">Pain log and history</h2>
      <sw-storage-status></sw-storage-status>
      ${
        fromLog.length > 0
          ? html`<section class="card advice" role="status" data-testid="persistence-advice" aria-labelledby="advice-title">
              <h3 id="advice-title">${DECISION_TEXT['see-professional'].title}</h3>
              <ul>${fromLog.map((f) => html`<li data-rule=${f.id}>${f.rule.reason}</li>`)}</ul>
              <p><strong>${fromLog[0]!.rule.nextStep}</strong></p>
              <p class="muted">Until then, the stretches stay closed. When you go to Stretch, you can record a clinician’s go-ahead.</p>
            </section>`
          : nothing
      }
      <section class="card">
        <sw-pain-entry @sw-pain-submit=${this.onPain}></sw-pain-entry>
      </section>
      <section class="card" aria-labelledby="trend-title">
        <h3 id="trend-title">Your trend</h3>
        <sw-pain-chart .daily=${dailyPain(data.pain)} today=${today}></sw-pain-chart>
      </section>
      <section class="card" aria-labelledby="holds-title">
        <h3 id="holds-title">Your holds</h3>
        <sw-hold-history .sessions=${data.sessions} .pain=${dailyPain(data.pain)} today=${today}></sw-hold-history>
      </section>
      <section class="card" aria-labelledby="recent-title">
        <h3 id="recent-title">Recent entries</h3>
        ${
          data.pain.length === 0
            ? html`<p class="muted">Nothing logged yet.</p>`
            : html`<ul class="rows" data-testid="pain-rows">${data.pain
                .slice(-RECENT_ROWS)
                .reverse()
                .map(
                  (
                    p,
                  ) => html`<li><span class="level">${p.level}/10</span> · ${p.locations.map((l) => PAIN_LOCATION_LABELS[l]).join(', ') || 'no pain'}
                    <span class="muted">· ${PAIN_CONTEXT_LABELS[p.context]} · ${when(p.atMs)}</span>
                    ${unsaved.has(p.id) ? html`<strong class="unsaved"> · not saved yet</strong>` : nothing}</li>`,
                )}</ul>`
        }
      </section>
      <section class="card" aria-labelledby="history-title">
        <h3 id="history-title">Sessions and safety checks</h3>
        ${
          data.sessions.length === 0
            ? html`<p class="muted" data-testid="sessions-empty">No sessions recorded yet. To coach
                your first, press <strong>Stretch</strong>, choose a stretch and press
                <strong>Start the camera</strong>; to analyse a video you recorded, press
                <strong>Review a video</strong> and save the result to History.</p>`
            : html`<ul class="rows">${data.sessions
                .slice(-RECENT_ROWS)
                .reverse()
                .map(
                  (s) =>
                    html`<li data-testid="session-row" data-session=${s.id}>${EXERCISE_LABELS[s.exercise]} <span class="muted">· ${when(s.startedMs)}${s.source === 'video' ? ' · from a video' : ''} · ${s.report.holds.length} ${s.report.holds.length === 1 ? 'hold' : 'holds'}${
                      s.report.holds.length > 0
                        ? ` (${sessionHolds(s)
                            .map(
                              (h) =>
                                `${Math.round(goodFormMs(h) / 1000)} s${h.side ? ` ${h.side}` : ''}`,
                            )
                            .join(', ')})`
                        : ''
                    }${s.forcingCount > 0 ? ` · forcing noticed ${s.forcingCount}×` : ''}${s.stoppedFor ? ' · stopped for safety' : ''}${painText(s)}</span>${
                      s.endedMs !== undefined
                        ? nothing
                        : service.recording.has(s.id)
                          ? html`<strong> · in progress</strong>`
                          : html`<strong data-testid="unfinished"> · unfinished (the page closed before Stop)</strong>`
                    }${unsaved.has(s.id) ? html`<strong class="unsaved"> · not saved yet</strong>` : nothing}
                    <button type="button" class="link" data-testid="open-timeline" aria-expanded=${this.timelineOf === s.id ? 'true' : 'false'}
                      aria-label=${`Timeline of ${EXERCISE_LABELS[s.exercise]}, ${when(s.startedMs)}`}
                      @click=${() => this.openTimeline(s.id)}>Timeline</button></li>`,
                )}</ul>`
        }
        ${this.timelineView(data.sessions)}
        <ul class="rows">
          ${data.screenings
            .slice(-RECENT_ROWS)
            .reverse()
            .map(
              (s) =>
                html`<li>Safety questions answered <span class="muted">· ${when(s.atMs)} · result then: ${DECISION_TEXT[s.decision].title}</span></li>`,
            )}
          ${data.clearances.map(
            (c) =>
              html`<li>Clinician’s go-ahead recorded <span class="muted">· ${CLINICIAN_LABELS[c.clinician]}${c.clinicianName ? `, ${c.clinicianName}` : ''} · visit on ${c.visitDay}</span></li>`,
          )}
        </ul>
      </section>
      <section class="card" aria-labelledby="data-title">
        <h3 id="data-title">Your data</h3>
        <p>
          Your answers, pain log and sessions are stored only in this browser, on this device
          (IndexedDB). Spinewise never sends them anywhere. Clearing this site’s data in the
          browser deletes them, so export a copy if you want to keep one or show it to a clinician.
        </p>
        <sw-data-controls></sw-data-controls>
      </section>
    `;
  }

  private timelineView(sessions: readonly SessionRecord[]) {
    const open = sessions.find((s) => s.id === this.timelineOf);
    if (!open) return nothing;
    return html`<section class="timeline" aria-labelledby="timeline-title" data-testid="session-timeline">
      <h4 id="timeline-title" tabindex="-1">Timeline: ${EXERCISE_LABELS[open.exercise]}, ${when(open.startedMs)}</h4>
      <sw-session-timeline .session=${open}></sw-session-timeline>
      <button type="button" @click=${() => this.openTimeline(undefined)}>Close the timeline</button>
    </section>`;
  }

  private async openTimeline(id: string | undefined) {
    this.timelineOf = this.timelineOf === id ? undefined : id;
    await this.updateComplete;
    // Keyboard and screen-reader users land on what opened.
    (this.renderRoot.querySelector('#timeline-title') as HTMLElement | null)?.focus();
  }

  private onPain = async (e: CustomEvent<PainSubmitDetail>) => {
    const atMs = appNow();
    const saving = this.storage.service.save('pain', {
      id: crypto.randomUUID(),
      atMs,
      day: toDayKey(atMs),
      ...e.detail,
    });
    // The entry is in the list now, saved or pending (marked, retried, exported), so the form can clear.
    this.form?.reset();
    await saving;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-pain-log': PainLog;
  }
}

/** The pain logged just before and after a session, e.g. ` · pain 3 → 2`; empty when neither was. */
function painText(s: SessionRecord): string {
  const p = s.report.pain;
  if (!p?.before && !p?.after) return '';
  return ` · pain ${p.before ? p.before.level : '–'} → ${p.after ? p.after.level : '–'}`;
}
