/**
 * The routine's screens between and after its stretches: the rest (what
 * comes next, where the camera goes, seconds left, go on now / skip / end /
 * sharp pain) and the routine's own summary. Templates only: the coach owns
 * the state and the clock.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RoutineState } from '../../session/routine.ts';
import { restLeftMs, upcomingStep } from '../../session/routine.ts';
import { EXERCISE_GUIDES } from '../exercise-card/exercise-guides.ts';

export interface RestActions {
  nextNow(): void;
  skip(): void;
  end(): void;
  /** Sharp pain in the rest: the routine ends with the advice. */
  sharpPain(): void;
}

/** "Stretch 2 of 3". */
export function routinePlace(r: RoutineState): string {
  const n = r.phase === 'rest' ? r.index + 2 : r.index + 1;
  return `Routine: stretch ${Math.min(n, r.steps.length)} of ${r.steps.length}`;
}

export function renderRest(r: RoutineState, tMs: number, act: RestActions): TemplateResult {
  const next = upcomingStep(r);
  if (!next) return html``;
  const guide = EXERCISE_GUIDES[next.exercise];
  const left = Math.ceil(restLeftMs(r, tMs) / 1000);
  return html`<section class="rest" aria-labelledby="rest-h" data-testid="routine-rest">
    <h2 id="rest-h" tabindex="-1" data-view-heading>Rest, then ${guide.title.toLowerCase()}</h2>
    <p class="rest-left" data-testid="rest-left" aria-live="off"><span class="big">${left}</span> s</p>
    <p>${routinePlace(r)}. ${guide.camera}
      ${next.firstSide ? html`Start with your <strong>${next.firstSide}</strong> knee bent; the coach moves to the other side after a full hold.` : nothing}</p>
    <p class="muted">The camera stays on; coaching starts again once you are in view.</p>
    <div class="controls">
      <button class="primary" data-testid="rest-next" @click=${act.nextNow}>Go on now</button>
      <button data-testid="rest-skip" @click=${act.skip}>Skip ${guide.title.toLowerCase()}</button>
      <button data-testid="routine-end" @click=${act.end}>End the routine</button>
      <button class="danger" data-testid="rest-sharp-pain" @click=${act.sharpPain}>Sharp pain <kbd>P</kbd></button>
    </div>
  </section>`;
}

/** What the whole routine came to, after the last stretch (or when ended early). */
export function renderRoutineSummary(r: RoutineState): TemplateResult {
  return html`<section aria-labelledby="routine-sum-h" data-testid="routine-summary">
    <h3 id="routine-sum-h">${r.endedEarly ? 'Routine ended early' : 'Routine done'}</h3>
    <ul>
      ${r.results.map((s) => {
        const g = EXERCISE_GUIDES[s.exercise];
        const word = g.holdWord === 'pause' ? 'pause' : 'hold';
        return html`<li data-exercise=${s.exercise}>${g.title}: ${
          s.skipped
            ? 'skipped'
            : `${s.holds} ${word}${s.holds === 1 ? '' : 's'}, ${s.reached} reached the target`
        }</li>`;
      })}
    </ul>
  </section>`;
}
