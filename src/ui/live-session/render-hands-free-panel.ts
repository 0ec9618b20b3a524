/**
 * The hands-free part of the side panel in setup and live: the mat view's
 * notes, "Did it hurt?" after the stop gesture, the accept countdown, and
 * the mat view button with the stretch's hands-free hint. A template over
 * the pieces in ui/mat-view/render-hands-free.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import type { CountdownState } from '../../exercises/recognition-countdown.ts';
import { EXERCISE_GUIDES } from '../exercise-card/exercise-guides.ts';
import {
  handsFreeHint,
  renderCountdown,
  renderHurtQuestion,
  renderMatNotes,
  renderMatToggle,
} from '../mat-view/render-hands-free.ts';

export interface HandsFreeView {
  matNotes: readonly string[];
  matActive: boolean;
  askHurt: boolean;
  /** The accept countdown (undefined: no live session). */
  offer: CountdownState | undefined;
  exercise: ExerciseId | undefined;
}

export interface HandsFreeActions {
  hurt: () => void;
  fine: () => void;
  decline: () => void;
  toggleMat: () => void;
}

export function renderHandsFreePanel(v: HandsFreeView, act: HandsFreeActions): TemplateResult {
  return html`
      ${renderMatNotes(v.matNotes)}
      ${v.askHurt ? renderHurtQuestion({ hurt: act.hurt, fine: act.fine }) : nothing}
      ${v.offer ? renderCountdown(v.offer, (id) => EXERCISE_GUIDES[id].title, act.decline) : nothing}
      <div class="row">
        ${renderMatToggle(v.matActive, act.toggleMat)}
        <p class="hands-free-hint">${handsFreeHint(v.exercise)}</p>
      </div>`;
}
