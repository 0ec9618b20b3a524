import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { EXERCISE_GUIDES } from './exercise-guides.ts';
import { renderSketch } from './render-sketch.ts';

/**
 * The instruction card for one stretch: a small looping stick-figure sketch
 * (still when the person prefers reduced motion), where to put the camera,
 * and the steps.
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
    svg { display: block; width: 100%; max-width: 220px; height: auto; aspect-ratio: 5 / 3; margin: 0 0 0.5rem; background: #f1f7f6; border-radius: 8px; }
    polyline { fill: none; stroke: #0b7a75; stroke-width: 3; stroke-linecap: round; stroke-linejoin: round; }
    .to { animation: fade 3s ease-in-out infinite alternate; opacity: 0; }
    .from { animation: fade 3s ease-in-out infinite alternate-reverse; }
    @keyframes fade { from { opacity: 0; } to { opacity: 1; } }
    @media (prefers-reduced-motion: reduce) {
      .to { animation: none; opacity: 0; }
      .from { animation: none; opacity: 1; }
    }
  `;

  @property() exercise: ExerciseId = 'foam-roller';

  override render() {
    const g = EXERCISE_GUIDES[this.exercise];
    return html`<article aria-labelledby="t" data-testid="exercise-card">
      ${renderSketch(this.exercise)}
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
