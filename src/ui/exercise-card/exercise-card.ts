import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { EXERCISE_GUIDES } from './exercise-guides.ts';
import { renderGuidePictures } from './render-guide-pictures.ts';

/**
 * The instruction card for one stretch: rendered pictures of what the camera
 * should see and where the laptop goes, the placement in words, and the steps.
 */
@customElement('sw-exercise-card')
export class ExerciseCard extends LitElement {
  static override styles = css`
    :host { display: block; }
    article { background: #fff; border-radius: 12px; padding: 1rem 1.25rem; border: 1px solid #e3ded6; }
    h3 { margin: 0 0 0.25rem; color: #0b7a75; }
    .camera { color: #444; margin: 0 0 0.5rem; }
    ol { margin: 0; padding-left: 1.3rem; }
    li { margin: 0.3rem 0; line-height: 1.4; }
  `;

  @property() exercise: ExerciseId = 'foam-roller';

  override render() {
    const g = EXERCISE_GUIDES[this.exercise];
    return html`<article aria-labelledby="t" data-testid="exercise-card">
      ${renderGuidePictures(this.exercise)}
      <h3 id="t">${g.title}</h3>
      <p class="camera">${g.camera}</p>
      <ol>${g.steps.map((s) => html`<li>${s}</li>`)}</ol>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-exercise-card': ExerciseCard;
  }
}
