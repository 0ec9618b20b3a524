/**
 * The setup stage, as templates: the guide over the video (where the body
 * should be, and the most important problem or "Hold still") and the side
 * panel (progress until the first frame is checked, the ranked checks, the
 * stretch's card, Start now and Stop).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { renderCameraView } from '../exercise-card/render-guide-pictures.ts';
import { firstProblem, rankedChecks, type SetupCheck, setupReady } from '../setup/setup-check.ts';
import { renderStartProgress } from './render-start-progress.ts';

export interface SetupView {
  exercise: ExerciseId | undefined;
  checks: SetupCheck[];
  /** Where a routine is ("Routine: stretch 2 of 3"), if one is under way. */
  routinePlace: TemplateResult | typeof nothing;
}

export function renderSetupGuide(v: Omit<SetupView, 'routinePlace'>): TemplateResult {
  const ready = setupReady(v.checks);
  return html`<div class="guide ${ready ? 'ok' : ''}" data-testid="setup-guide">
      ${v.exercise ? html`<div class="silhouette" aria-hidden="true">${renderCameraView(v.exercise)}</div>` : nothing}
      <span>${
        ready
          ? 'Hold still: starting…'
          : (firstProblem(v.checks)?.text ?? 'Fit your whole body inside this frame')
      }</span></div>`;
}

export function renderSetupPanel(
  v: SetupView,
  act: { goLive: () => void; stop: () => void },
): TemplateResult {
  return html`<h2 tabindex="-1" data-view-heading>Get set up</h2>
      ${v.routinePlace}
      ${
        v.checks.length
          ? nothing
          : renderStartProgress({
              step: 'first-frame',
              detail: 'Waiting for the model to check the first camera frame…',
            })
      }
      <ul class="checks" data-testid="setup-checks" aria-live="polite">
        ${rankedChecks(v.checks).map(
          (
            c,
          ) => html`<li class=${c.ok === true ? 'ok' : c.ok === false ? 'bad' : 'unknown'} data-check=${c.id} data-ok=${String(c.ok)}>
            ${c.ok === true ? '✓' : c.ok === false ? '✗' : '…'} ${c.text}</li>`,
        )}
      </ul>
      ${v.exercise ? html`<sw-exercise-card exercise=${v.exercise}></sw-exercise-card>` : nothing}
      <div class="controls">
        <button class="primary" data-testid="start-now" @click=${act.goLive}>Start now <kbd>Enter</kbd></button>
        <button data-testid="stop" @click=${act.stop}>Stop</button>
      </div>`;
}
