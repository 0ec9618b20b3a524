/**
 * The stick-figure sketch of a stretch as SVG, easing between its two poses
 * (the `from`/`to` groups; the animation lives in the host's CSS so reduced
 * motion can stop it). Used on the instruction card and, faint, inside the
 * setup guide on the video.
 */
import { html, svg, type TemplateResult } from 'lit';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { EXERCISE_GUIDES } from './exercise-guides.ts';

export function renderSketch(
  exercise: ExerciseId,
  label = 'Sketch of the position',
): TemplateResult {
  const g = EXERCISE_GUIDES[exercise].sketch;
  // The <svg> element itself belongs in an html template; its contents in svg ones.
  return html`<svg viewBox="0 0 100 60" role="img" aria-label=${label}>
    <g class="from">${g.from.map((p) => svg`<polyline points=${p}></polyline>`)}</g>
    <g class="to">${g.to.map((p) => svg`<polyline points=${p}></polyline>`)}</g>
  </svg>`;
}
