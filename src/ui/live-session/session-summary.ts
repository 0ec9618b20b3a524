/**
 * The end-of-session summary: each hold (or roller pause) with its length
 * against the target, per side for the twist, and totals.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SessionSummary } from '../../controllers/coach-session.ts';
import { EXERCISE_GUIDES } from '../exercise-card/exercise-guides.ts';

export type { SessionSummary };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * `again`: the "Start another" button's action (none shown without it, as
 * during a routine's rest); `compact`: shown under the safety advice, which
 * keeps the focus.
 */
export function renderSummary(
  s: SessionSummary,
  again: (() => void) | undefined,
  compact = false,
): TemplateResult {
  const guide = s.exercise ? EXERCISE_GUIDES[s.exercise] : undefined;
  const word = guide?.holdWord === 'pause' ? 'Pause' : 'Hold';
  const total = s.holds.reduce((sum, h) => sum + h.heldMs, 0);
  const reached = s.holds.filter((h) => h.heldMs >= s.holdTargetS * 1000).length;
  return html`<section aria-labelledby="sum-h" data-testid="summary">
    ${
      compact
        ? html`<h2 id="sum-h">What you did before stopping</h2>`
        : html`<h2 id="sum-h" tabindex="-1" data-view-heading>Session summary</h2>`
    }
    <p>${guide?.title ?? 'No stretch chosen'} · ${seconds(s.durationMs)} coached · ${s.cues} cue${s.cues === 1 ? '' : 's'}</p>
    ${
      s.holds.length
        ? html`<table data-testid="summary-holds">
          <tr><th>${word}</th>${s.exercise === 'seated-twist' ? html`<th>Side</th>` : nothing}<th>Good-form time</th><th>Target ${s.holdTargetS} s</th></tr>
          ${s.holds.map(
            (
              h,
              i,
            ) => html`<tr><td>${i + 1}</td>${s.exercise === 'seated-twist' ? html`<td>${h.side ?? '—'}</td>` : nothing}
              <td>${seconds(h.heldMs)}</td><td>${h.heldMs >= s.holdTargetS * 1000 ? '✓ reached' : 'under target'}</td></tr>`,
          )}
        </table>
        <p data-testid="summary-total">${s.holds.length} ${word.toLowerCase()}${s.holds.length === 1 ? '' : 's'}, ${seconds(total)} in good form, ${reached} reached the target.</p>`
        : html`<p data-testid="summary-total">No ${word.toLowerCase()}s in good form this time.</p>`
    }
    ${s.saved ? html`<p class="saved" data-testid="summary-saved">Saved on this device.</p>` : nothing}
    ${compact || !again ? nothing : html`<button class="primary" data-testid="again" @click=${again}>Start another</button>`}
  </section>`;
}
