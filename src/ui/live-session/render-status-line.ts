/**
 * Under the video: which engine runs and how fast (fps, model and total
 * latency, dropped frames), the engine choice's note, a frame error, and
 * what interrupted the session (hidden tab, pose model stopped). A template.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PoseLoopController } from '../../controllers/pose-loop-controller.ts';

export interface StatusLineView {
  loop: Pick<PoseLoopController, 'stats' | 'client'>;
  /** Which engine Automatic chose and why ('' none). */
  engineNote: string;
  /** The last frame's engine error ('' none). */
  engineError: string;
  /** What interrupted the session ('' nothing); `alert`: something is wrong. */
  note: string;
  alert: boolean;
}

const fmt = (v: number | undefined, d = 0) => (v === undefined ? '—' : v.toFixed(d));

export function renderStatusLine(v: StatusLineView): TemplateResult {
  const s = v.loop.stats;
  const info = v.loop.client?.info;
  return html`<p class="status" data-testid="status-line">
      ${info ? `${info.engine} (${info.runtime.backend})` : 'no model yet'} · ${fmt(s.fps, 1)} fps ·
      model ${fmt(s.inferenceMs)} ms · latency ${fmt(s.latencyMs)} ms · dropped ${v.loop.client?.dropped ?? 0}
      ${info?.runtime.fallback ? html`· <abbr title=${info.runtime.fallback}>fallback</abbr>` : nothing}
      ${v.engineNote ? html`<br /><span data-testid="engine-note">${v.engineNote}</span>` : nothing}</p>
      ${v.engineError ? html`<p class="error" role="alert" data-testid="frame-error">${v.engineError}</p>` : nothing}
      ${
        !v.note
          ? nothing
          : v.alert
            ? html`<p class="error" role="alert" data-testid="fault-note">${v.note}</p>`
            : html`<p class="note" role="status" data-testid="fault-note">${v.note}</p>`
      }`;
}
