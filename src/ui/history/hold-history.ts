import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DailyPain } from '../../safety/daily-pain.ts';
import type { DayKey } from '../../safety/day-key.ts';
import { EXERCISE_LABELS } from '../../safety/exercise-labels.ts';
import {
  type HoldSeries,
  holdSeries,
  rollerPauses,
  sessionMarkers,
  twistBalance,
} from '../../session/history-series.ts';
import type { SessionRecord } from '../../session/storage-schema.ts';
import { DEFAULT_CHART_DAYS } from '../pain-chart/chart-layout.ts';
import { DEFAULT_HOLD_CHART_BOX, layoutHoldChart } from './hold-chart-layout.ts';

/** "2026-03-10" → "10 Mar". */
function shortDay(day: DayKey): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

const sec = (ms: number) => Math.round(ms / 100) / 10;

/** Roller sessions charted (the newest). */
const ROLLER_SESSIONS_SHOWN = 14;

export function seriesTitle(s: Pick<HoldSeries, 'exercise' | 'side'>): string {
  return `${EXERCISE_LABELS[s.exercise]}${s.side ? `, ${s.side} side` : ''}`;
}

/**
 * History's charts: for each stretch and side, good-form hold time per day
 * (total as a bar, best hold as a dot) against the target, with the worst
 * pain of each day and a tick per session on the same days as the pain
 * chart; the twist's left/right balance; the roller's pauses per session.
 * Each chart has a text summary and its numbers as a table. Plain SVG drawn
 * by Lit, as the pain chart (see README, "History").
 */
@customElement('sw-hold-history')
export class HoldHistory extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 46rem; }
    h4 { margin: 1.1rem 0 0.2rem; }
    svg { width: 100%; height: auto; display: block; font: 11px system-ui, sans-serif; }
    .grid { stroke: #ddd; stroke-width: 1; }
    .bar { fill: #9fd3cf; }
    .bar.left { fill: #f2c08f; }
    .bar.right { fill: #a9c4e8; }
    .best { fill: #0b5c58; }
    .target { stroke: #0b5c58; stroke-width: 1.5; stroke-dasharray: 6 4; }
    .pain { fill: none; stroke: #b3261e; stroke-width: 1.5; stroke-dasharray: 2 3; }
    .pain-point { fill: #b3261e; }
    .marker { fill: #555; }
    .label { fill: #555; }
    .pain-label { fill: #b3261e; }
    .left-bar { fill: #c25e00; }
    .right-bar { fill: #1f5fa8; }
    .muted { color: #555; }
    table { border-collapse: collapse; margin-top: 0.5rem; }
    th, td { padding: 0.2rem 0.7rem; border-bottom: 1px solid #e3ded6; text-align: left; }
    summary { cursor: pointer; color: #0b6560; margin-top: 0.3rem; }
    .key { font-size: 0.9rem; color: #444; margin: 0.2rem 0; }
  `;

  @property({ attribute: false }) sessions: readonly SessionRecord[] = [];
  /** Worst pain per logged day (`dailyPain`), drawn on the same days. */
  @property({ attribute: false }) pain: readonly DailyPain[] = [];
  @property() today: DayKey = '';
  @property({ type: Number }) days = DEFAULT_CHART_DAYS;

  override render() {
    if (!this.today) return nothing;
    const series = holdSeries(this.sessions);
    if (series.length === 0)
      return html`<p class="muted" data-testid="history-empty">
        No holds recorded yet. Go to <strong>Stretch</strong>, choose a stretch and press
        <strong>Start the camera</strong>: each hold you keep in good form is saved here, per side,
        and charted day by day.
      </p>`;
    const markers = sessionMarkers(this.sessions);
    const balance = twistBalance(this.sessions);
    // The latest sessions only: more bars than this no longer have room for their day labels.
    const roller = rollerPauses(this.sessions).slice(-ROLLER_SESSIONS_SHOWN);
    return html`
      <p class="key">Bars: good-form time per day, all holds together. Dots: the day’s best hold.
        Dashed line: your hold target. Red dots: the day’s worst pain (0–10, right-hand scale).
        Ticks below the days: sessions.</p>
      ${series.map((s) => this.seriesChart(s, markers))}
      ${balance.length ? this.balanceChart(balance) : nothing}
      ${roller.length ? this.rollerChart(roller) : nothing}
    `;
  }

  private seriesChart(s: HoldSeries, markers: ReturnType<typeof sessionMarkers>) {
    const box = DEFAULT_HOLD_CHART_BOX;
    const own = markers.filter((m) => m.exercise === s.exercise);
    const layout = layoutHoldChart(s.days, s.targetS, this.today, this.pain, own, this.days, box);
    const key = `${s.exercise}${s.side ? `-${s.side}` : ''}`;
    const title = seriesTitle(s);
    const shown = layout.days.map((d) => d.data);
    const best = shown.length ? Math.max(...shown.map((d) => d.bestMs)) : 0;
    const summary =
      shown.length === 0
        ? `${title}: no holds in the last ${this.days} days.`
        : `${title}: holds on ${shown.length} of the last ${this.days} days. ` +
          `Latest, ${shortDay(shown.at(-1)!.day)}: best ${sec(shown.at(-1)!.bestMs)} s, total ${sec(shown.at(-1)!.totalMs)} s. ` +
          `Best over the period ${sec(best)} s against a ${s.targetS} s target; ` +
          `${shown.reduce((a, d) => a + d.reached, 0)} of ${shown.reduce((a, d) => a + d.holds, 0)} holds reached it.`;
    const right = box.width - box.right;
    const plotBottom = box.height - box.bottom;
    return html`
      <h4 id=${`series-${key}`}>${title}</h4>
      <p data-testid="series-summary" data-series=${key}>${summary}</p>
      <svg viewBox="0 0 ${box.width} ${box.height}" role="img" aria-labelledby=${`series-${key}`}
        aria-describedby=${`series-${key}-d`} data-testid="hold-chart" data-series=${key} data-days=${shown.length}>
        <desc id=${`series-${key}-d`}>${summary}</desc>
        ${layout.yTicks.map(
          (t) => svg`<line class="grid" x1=${box.left} x2=${right} y1=${t.y} y2=${t.y}></line>
            <text class="label" x=${box.left - 6} y=${t.y + 4} text-anchor="end">${t.s} s</text>`,
        )}
        ${layout.painTicks.map(
          (t) =>
            svg`<text class="pain-label" x=${right + 6} y=${t.y + 4} text-anchor="start">${t.level}</text>`,
        )}
        ${layout.days.map(
          (
            d,
          ) => svg`<rect class="bar ${s.side ?? ''}" x=${d.x - layout.barW / 2} y=${d.barY} width=${layout.barW} height=${d.barH}>
              <title>${shortDay(d.day)}: total ${sec(d.data.totalMs)} s in ${d.data.holds} holds</title></rect>
            <circle class="best" cx=${d.x} cy=${d.bestY} r="4.5"><title>${shortDay(d.day)}: best ${sec(d.data.bestMs)} s</title></circle>`,
        )}
        <line class="target" x1=${box.left} x2=${right} y1=${layout.targetY} y2=${layout.targetY}></line>
        <text class="label" x=${box.left + 4} y=${layout.targetY - 4}>target ${s.targetS} s</text>
        ${layout.painPath ? svg`<path class="pain" d=${layout.painPath}></path>` : nothing}
        ${layout.painPoints.map(
          (p) =>
            svg`<circle class="pain-point" cx=${p.x} cy=${p.y} r="3"><title>${shortDay(p.day)}: worst pain ${p.worst}</title></circle>`,
        )}
        ${layout.markers.map(
          (m) =>
            svg`<path class="marker" data-testid="session-marker" d="M${m.x} ${layout.markerY - 5} l-3.5 6 h7 z"></path>`,
        )}
        <line class="grid" x1=${box.left} x2=${right} y1=${plotBottom} y2=${plotBottom}></line>
        ${layout.xTicks.map(
          (t) =>
            svg`<text class="label" x=${t.x} y=${box.height - 12} text-anchor="middle">${t.label}</text>`,
        )}
      </svg>
      <details>
        <summary>Show ${title.toLowerCase()} as a table</summary>
        <table data-testid="hold-table" data-series=${key}>
          <caption class="muted">${title}: good-form time per day</caption>
          <thead><tr><th scope="col">Day</th><th scope="col">Best hold (s)</th><th scope="col">Total (s)</th><th scope="col">Holds</th><th scope="col">Reached ${s.targetS} s</th><th scope="col">Worst pain</th></tr></thead>
          <tbody>${shown.map(
            (d) =>
              html`<tr><td>${shortDay(d.day)}</td><td>${sec(d.bestMs)}</td><td>${sec(d.totalMs)}</td><td>${d.holds}</td><td>${d.reached}</td><td>${this.pain.find((p) => p.day === d.day)?.worst ?? '—'}</td></tr>`,
          )}</tbody>
        </table>
      </details>
    `;
  }

  private balanceChart(days: ReturnType<typeof twistBalance>) {
    const w = 640;
    const rowH = 22;
    const mid = w / 2;
    const h = days.length * rowH + 26;
    const max = Math.max(...days.map((d) => Math.max(d.leftMs, d.rightMs)), 1);
    const half = mid - 70;
    const last = days.at(-1)!;
    const share = last.leftShare === undefined ? undefined : Math.round(last.leftShare * 100);
    const summary =
      `Seated spinal twist balance on ${days.length} ${days.length === 1 ? 'day' : 'days'}. ` +
      `Latest, ${shortDay(last.day)}: left ${sec(last.leftMs)} s, right ${sec(last.rightMs)} s` +
      (share === undefined ? '.' : ` (${share}% left, ${100 - share}% right).`);
    return html`
      <h4 id="balance-title">Seated spinal twist: left and right</h4>
      <p data-testid="balance-summary">${summary}</p>
      <svg viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="balance-title" aria-describedby="balance-d" data-testid="balance-chart">
        <desc id="balance-d">${summary}</desc>
        <text class="label" x=${mid - 8} y="12" text-anchor="end">← left</text>
        <text class="label" x=${mid + 8} y="12">right →</text>
        ${days.map((d, i) => {
          const y = 20 + i * rowH;
          const lw = Math.round((d.leftMs / max) * half);
          const rw = Math.round((d.rightMs / max) * half);
          return svg`<text class="label" x="4" y=${y + 14}>${shortDay(d.day)}</text>
            <rect class="left-bar" x=${mid - lw} y=${y + 3} width=${lw} height=${rowH - 8}><title>${shortDay(d.day)}: left ${sec(d.leftMs)} s</title></rect>
            <rect class="right-bar" x=${mid} y=${y + 3} width=${rw} height=${rowH - 8}><title>${shortDay(d.day)}: right ${sec(d.rightMs)} s</title></rect>
            <text class="label" x=${mid - lw - 4} y=${y + 14} text-anchor="end">${sec(d.leftMs)}</text>
            <text class="label" x=${mid + rw + 4} y=${y + 14}>${sec(d.rightMs)}</text>`;
        })}
        <line class="grid" x1=${mid} x2=${mid} y1="16" y2=${h}></line>
      </svg>
      <details>
        <summary>Show the balance as a table</summary>
        <table data-testid="balance-table">
          <thead><tr><th scope="col">Day</th><th scope="col">Left (s)</th><th scope="col">Right (s)</th><th scope="col">Left share</th></tr></thead>
          <tbody>${days.map(
            (d) =>
              html`<tr><td>${shortDay(d.day)}</td><td>${sec(d.leftMs)}</td><td>${sec(d.rightMs)}</td><td>${d.leftShare === undefined ? '—' : `${Math.round(d.leftShare * 100)}%`}</td></tr>`,
          )}</tbody>
        </table>
      </details>
    `;
  }

  private rollerChart(sessions: ReturnType<typeof rollerPauses>) {
    const w = 640;
    const h = 130;
    const left = 30;
    const n = sessions.length;
    const slot = (w - left - 10) / Math.max(n, 1);
    const max = Math.max(4, ...sessions.map((s) => s.pauses));
    const yOf = (v: number) => 10 + (h - 40) - (v / max) * (h - 40);
    const last = sessions.at(-1)!;
    const summary = `Foam roller: ${n === ROLLER_SESSIONS_SHOWN ? `the last ${n} sessions` : `${n} ${n === 1 ? 'session' : 'sessions'}`}; the latest, ${shortDay(last.day)}, had ${last.pauses} ${last.pauses === 1 ? 'pause' : 'pauses'} (${sec(last.totalMs)} s).`;
    return html`
      <h4 id="roller-title">Foam roller: pauses per session</h4>
      <p data-testid="roller-summary">${summary}</p>
      <svg viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="roller-title" aria-describedby="roller-d" data-testid="roller-chart">
        <desc id="roller-d">${summary}</desc>
        <line class="grid" x1=${left} x2=${w - 10} y1=${yOf(0)} y2=${yOf(0)}></line>
        <text class="label" x=${left - 6} y=${yOf(max) + 4} text-anchor="end">${max}</text>
        <text class="label" x=${left - 6} y=${yOf(0) + 4} text-anchor="end">0</text>
        ${sessions.map((s, i) => {
          const x = left + (i + 0.5) * slot;
          const bw = Math.min(36, slot * 0.6);
          return svg`<rect class="bar" x=${x - bw / 2} y=${yOf(s.pauses)} width=${bw} height=${yOf(0) - yOf(s.pauses)}><title>${shortDay(s.day)}: ${s.pauses} pauses</title></rect>
            <text class="label" x=${x} y=${yOf(s.pauses) - 4} text-anchor="middle">${s.pauses}</text>
            <text class="label" x=${x} y=${h - 12} text-anchor="middle">${shortDay(s.day)}</text>`;
        })}
      </svg>
      <details>
        <summary>Show the pauses as a table</summary>
        <table data-testid="roller-table">
          <thead><tr><th scope="col">Session</th><th scope="col">Pauses</th><th scope="col">Time paused in form (s)</th></tr></thead>
          <tbody>${sessions.map(
            (s) =>
              html`<tr><td>${new Date(s.startedMs).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}</td><td>${s.pauses}</td><td>${sec(s.totalMs)}</td></tr>`,
          )}</tbody>
        </table>
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-hold-history': HoldHistory;
  }
}
