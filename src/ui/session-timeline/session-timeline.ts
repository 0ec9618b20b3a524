import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cueDefinition } from '../../feedback/cue-vocabulary.ts';
import { EXERCISE_LABELS } from '../../safety/exercise-labels.ts';
import type { SessionRecord } from '../../session/storage-schema.ts';
import { CURVE_MEASURE, clock, DEFAULT_TIMELINE_BOX, layoutTimeline } from './timeline-layout.ts';

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * One session over time: its holds as bars (by side), the cues it gave as
 * marks that read out when clicked or chosen by keyboard, and the stretch's
 * measure (the twist's rotation, the roller's hip lift) as a curve with a
 * gap wherever it was not seen. The same numbers as a table and a summary.
 */
@customElement('sw-session-timeline')
export class SessionTimeline extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 46rem; }
    svg { width: 100%; height: auto; display: block; font: 11px system-ui, sans-serif; }
    .lane { fill: #f4f1ec; }
    .hold { fill: #0b7a75; }
    .hold.left { fill: #c25e00; }
    .hold.right { fill: #1f5fa8; }
    .grid { stroke: #ddd; stroke-width: 1; }
    .zero { stroke: #aaa; stroke-width: 1; }
    .curve { fill: none; stroke: #333; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
    .cue { stroke: #7a2a8c; stroke-width: 2; }
    .cue-hit { fill: transparent; cursor: pointer; }
    .cue-dot { fill: #7a2a8c; }
    g.cue-mark:focus { outline: none; }
    g.cue-mark:focus .cue-dot, g.cue-mark.chosen .cue-dot { fill: #fff; stroke: #7a2a8c; stroke-width: 3; }
    .label { fill: #555; }
    .cue-text { min-height: 1.5em; font-weight: 600; }
    .cue-list { display: flex; flex-wrap: wrap; gap: 0.3rem; list-style: none; padding: 0; margin: 0.4rem 0; }
    .cue-list button { font: inherit; padding: 0.2rem 0.5rem; border: 1px solid #b9a7c0; background: #fbf7fc; border-radius: 0.3rem; cursor: pointer; }
    .cue-list button[aria-pressed='true'] { background: #7a2a8c; color: #fff; }
    table { border-collapse: collapse; margin-top: 0.5rem; }
    th, td { padding: 0.2rem 0.7rem; border-bottom: 1px solid #e3ded6; text-align: left; }
    summary { cursor: pointer; color: #0b6560; margin-top: 0.3rem; }
    .muted { color: #555; }
  `;

  @property({ attribute: false }) session: SessionRecord | undefined;
  /** The cue being read, by index. */
  @state() private chosen: number | undefined;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('session')) this.chosen = undefined;
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const box = DEFAULT_TIMELINE_BOX;
    const layout = layoutTimeline(s, box);
    const measure = CURVE_MEASURE[s.exercise];
    const right = box.width - box.right;
    const cues = layout.cues;
    const chosen = this.chosen === undefined ? undefined : cues[this.chosen];
    const summary =
      `${EXERCISE_LABELS[s.exercise]}, ${clock(layout.durationMs / 1000)} long: ` +
      `${s.report.holds.length} ${s.report.holds.length === 1 ? 'hold' : 'holds'}` +
      (layout.holds.length
        ? ` (${layout.holds.map((h) => `${seconds(h.heldMs)} s${h.side ? ` ${h.side}` : ''}`).join(', ')})`
        : '') +
      `, ${cues.length} ${cues.length === 1 ? 'cue' : 'cues'}` +
      (measure
        ? !s.report.perSecond.length
          ? `; no ${measure.label.toLowerCase()} was stored with this session.`
          : layout.unknownMs > 0
            ? `; ${measure.label.toLowerCase()} not seen for ${seconds(layout.unknownMs)} s, shown as gaps.`
            : `; ${measure.label.toLowerCase()} seen throughout.`
        : '.');
    return html`
      <p data-testid="timeline-summary">${summary}</p>
      <svg viewBox="0 0 ${box.width} ${layout.height}" role="group" aria-label=${`Timeline. ${summary}`} data-testid="timeline-chart">
        <text class="label" x=${box.left - 6} y=${box.top + box.laneHeight / 2 + 4} text-anchor="end">holds</text>
        <rect class="lane" x=${box.left} y=${box.top} width=${right - box.left} height=${box.laneHeight}></rect>
        ${layout.holds.map(
          (h) =>
            svg`<rect class="hold ${h.side ?? ''}" data-testid="timeline-hold" x=${h.x} y=${box.top + 4} width=${h.width} height=${box.laneHeight - 8}><title>Hold ${h.index + 1}: ${seconds(h.heldMs)} s${h.side ? `, ${h.side}` : ''}, from ${clock(h.startS)}</title></rect>`,
        )}
        ${
          measure
            ? svg`${layout.yTicks.map(
                (
                  t,
                ) => svg`<line class=${t.value === 0 ? 'zero' : 'grid'} x1=${box.left} x2=${right} y1=${t.y} y2=${t.y}></line>
                  <text class="label" x=${box.left - 6} y=${t.y + 4} text-anchor="end">${t.value}</text>`,
              )}
              <text class="label" x=${box.left} y=${layout.curveTop - 6}>${measure.axis}</text>
              ${layout.runs.map((d) => svg`<path class="curve" data-testid="timeline-run" d=${d}></path>`)}`
            : nothing
        }
        ${layout.xTicks.map(
          (t) =>
            svg`<text class="label" x=${t.x} y=${layout.height - 8} text-anchor="middle">${clock(t.s)}</text>`,
        )}
        ${cues.map(
          (
            c,
          ) => svg`<g class="cue-mark ${this.chosen === c.index ? 'chosen' : ''}" data-testid="timeline-cue" tabindex="0" role="button"
              aria-label=${`Cue at ${clock(c.atS)}: ${cueDefinition(c.cue.code).text}`}
              @click=${() => this.choose(c.index)} @keydown=${(e: KeyboardEvent) => this.onKey(e, c.index)}>
              <line class="cue" x1=${c.x} x2=${c.x} y1=${box.top - 8} y2=${layout.height - box.bottom}></line>
              <rect class="cue-hit" x=${c.x - 6} y=${box.top - 16} width="12" height=${layout.height - box.bottom - box.top + 16}></rect>
              <circle class="cue-dot" cx=${c.x} cy=${box.top - 10} r="5"></circle>
            </g>`,
        )}
      </svg>
      <p class="cue-text" role="status" data-testid="timeline-cue-text">${
        chosen
          ? `At ${clock(chosen.atS)}: “${cueDefinition(chosen.cue.code).text}”`
          : cues.length
            ? html`<span class="muted">Choose a cue mark (click it, or Tab to it and press Enter) to read what the coach said.</span>`
            : html`<span class="muted">No cues were stored with this session.</span>`
      }</p>
      ${
        cues.length
          ? html`<ul class="cue-list" aria-label="Cues in order">${cues.map(
              (c) =>
                html`<li><button type="button" aria-label=${`Cue at ${clock(c.atS)}`} aria-pressed=${this.chosen === c.index ? 'true' : 'false'} @click=${() => this.choose(c.index)}>${clock(c.atS)}</button></li>`,
            )}</ul>`
          : nothing
      }
      <details>
        <summary>Show the holds as a table</summary>
        <table data-testid="timeline-table">
          <thead><tr><th scope="col">Hold</th><th scope="col">Starts at</th><th scope="col">Good-form time (s)</th><th scope="col">Side</th></tr></thead>
          <tbody>${layout.holds.map(
            (h) =>
              html`<tr><td>${h.index + 1}</td><td>${clock(h.startS)}</td><td>${seconds(h.heldMs)}</td><td>${h.side ?? '—'}</td></tr>`,
          )}</tbody>
        </table>
      </details>
    `;
  }

  private choose(index: number) {
    this.chosen = index;
  }

  private onKey(e: KeyboardEvent, index: number) {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    this.choose(index);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-session-timeline': SessionTimeline;
  }
}
