/**
 * The loading stage's panel: the steps from Start to the first checked
 * frame with Stop and Sharp pain, or, when the model would not load, why
 * and the way back to the settings. A template.
 */
import { html, type TemplateResult } from 'lit';
import type { CoachFlowState } from '../../session/coach-flow.ts';
import { renderStartProgress } from './render-start-progress.ts';

export interface LoadingActions {
  back: () => void;
  stop: () => void;
  sharpPain: () => void;
}

export function renderLoadingPanel(
  flow: Pick<CoachFlowState, 'error' | 'step' | 'progress'>,
  act: LoadingActions,
): TemplateResult {
  return html`<div data-testid="loading">
      <h2 tabindex="-1" data-view-heading>Getting ready</h2>
      ${
        flow.error
          ? html`<p class="error" role="alert" data-testid="engine-error">${flow.error}</p>
            <p>Pick another engine or model in the settings, then start again.</p>
            <button class="primary" data-testid="back-to-settings" @click=${act.back}>Back to settings</button>`
          : renderStartProgress({
              step: flow.step,
              detail: flow.progress,
              stop: act.stop,
              sharpPain: act.sharpPain,
            })
      }
    </div>`;
}
