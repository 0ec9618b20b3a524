import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DailyPain } from '../../safety/daily-pain.ts';
import type { DayKey } from '../../safety/day-key.ts';
import { DEFAULT_PAIN_PERSISTENCE } from '../../safety/pain-persistence.ts';
import { DEFAULT_CHART_BOX, DEFAULT_CHART_DAYS, layoutPainChart } from './chart-layout.ts';

/** "2026-03-10" → "10 Mar". */
function shortDay(day: DayKey): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/**
 * The pain trend: the worst level of each logged day over the last two
 * weeks, with the severe band shaded. A small SVG drawn by Lit rather than a
 * chart library: a dozen marks do not need one, it adds no bytes, it needs
 * no style injection under the page's CSP, and it stays accessible (a text
 * summary for screen readers plus the numbers as a table).
 */
@customElement('sw-pain-chart')
export class PainChart extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 46rem; }
    svg { width: 100%; height: auto; display: block; font: 11px system-ui, sans-serif; }
    .severe { fill: #fde7e4; }
    .grid { stroke: #ddd; stroke-width: 1; }
    .severe-line { stroke: #d08a83; stroke-dasharray: 4 3; }
    .line { fill: none; stroke: #0b7a75; stroke-width: 2.5; stroke-linejoin: round; }
    .point { fill: #fff; stroke: #0b7a75; stroke-width: 2.5; }
    .point.high { stroke: #b3261e; fill: #b3261e; }
    .label { fill: #555; }
    .empty { fill: #777; font-size: 14px; }
    table { border-collapse: collapse; margin-top: 0.5rem; }
    th, td { padding: 0.2rem 0.7rem; border-bottom: 1px solid #e3ded6; text-align: left; }
    summary { cursor: pointer; color: #0b6560; margin-top: 0.3rem; }
  `;

  /** Worst level per logged day, oldest first (`dailyPain`). */
  @property({ attribute: false }) daily: DailyPain[] = [];
  /** The last day shown. */
  @property() today: DayKey = '';
  /** How many days are shown. */
  @property({ type: Number }) days = DEFAULT_CHART_DAYS;

  override render() {
    if (!this.today) return nothing;
    const box = DEFAULT_CHART_BOX;
    const layout = layoutPainChart(this.daily, this.today, this.days, box);
    const severe = DEFAULT_PAIN_PERSISTENCE.severeLevel;
    const shown = layout.points;
    const summary =
      shown.length === 0
        ? `No pain logged in the last ${this.days} days.`
        : `Worst pain per day over the last ${this.days} days: ${shown.length} ${shown.length === 1 ? 'day' : 'days'} logged, ` +
          `from ${shown[0]!.worst} on ${shortDay(shown[0]!.day)} to ${shown.at(-1)!.worst} on ${shortDay(shown.at(-1)!.day)}.`;
    const right = box.width - box.right;
    return html`
      <svg viewBox="0 0 ${box.width} ${box.height}" role="img" aria-label=${summary} data-testid="pain-chart" data-points=${shown.length}>
        <rect class="severe" x=${box.left} y=${layout.yOf(10)} width=${right - box.left} height=${layout.yOf(severe) - layout.yOf(10)}></rect>
        ${layout.yTicks.map(
          (t) => svg`<line class="grid" x1=${box.left} x2=${right} y1=${t.y} y2=${t.y}></line>
            <text class="label" x=${box.left - 8} y=${t.y + 4} text-anchor="end">${t.level}</text>`,
        )}
        <line class="severe-line" x1=${box.left} x2=${right} y1=${layout.yOf(severe)} y2=${layout.yOf(severe)}></line>
        <text class="label" x=${right - 4} y=${layout.yOf(severe) - 5} text-anchor="end">severe</text>
        ${layout.xTicks.map(
          (t) =>
            svg`<text class="label" x=${t.x} y=${box.height - 10} text-anchor="middle">${t.label}</text>`,
        )}
        ${layout.path ? svg`<path class="line" d=${layout.path}></path>` : nothing}
        ${shown.map(
          (p) =>
            svg`<circle class="point ${p.worst >= severe ? 'high' : ''}" cx=${p.x} cy=${p.y} r="5"><title>${shortDay(p.day)}: ${p.worst}</title></circle>`,
        )}
        ${shown.length === 0 ? svg`<text class="empty" x=${box.width / 2} y=${box.height / 2} text-anchor="middle">Nothing logged yet</text>` : nothing}
      </svg>
      ${
        shown.length > 0
          ? html`<details>
              <summary>Show as a table</summary>
              <table>
                <thead><tr><th scope="col">Day</th><th scope="col">Worst pain (0–10)</th><th scope="col">Entries</th></tr></thead>
                <tbody>${shown.map((p) => html`<tr><td>${shortDay(p.day)}</td><td>${p.worst}</td><td>${this.daily.find((d) => d.day === p.day)?.count}</td></tr>`)}</tbody>
              </table>
            </details>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-pain-chart': PainChart;
  }
}
