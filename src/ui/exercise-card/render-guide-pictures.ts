/**
 * The pictures of a stretch, rendered by the project's own scene renderer
 * (`npx tsx tests/tools/render-guide-pictures.ts`): what the laptop's camera should see beside a floor
 * plan of where the laptop goes, with the placement in words. Used on the
 * instruction card and in the first-run guide; `renderCameraView` alone,
 * faint, inside the setup frame on the video (the body should fill it the
 * same way). Each template carries its own small style block, so it looks
 * the same in whichever element's shadow root it is rendered.
 */
import { html, type TemplateResult } from 'lit';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { GUIDE_PICTURES } from '../onboarding/guide-pictures.ts';

const PICTURE_STYLE = html`<style>
  .guide-pictures { margin: 0 0 0.75rem; max-inline-size: 38rem; }
  .guide-pictures .pair { display: grid; grid-template-columns: minmax(0, 16fr) minmax(0, 9fr); gap: 0.5rem; align-items: start; }
  .guide-pictures img { display: block; inline-size: 100%; block-size: auto; border-radius: 8px; background: #d9d4cc; }
  .guide-pictures figcaption { margin-top: 0.35rem; color: #333; font-size: 0.95rem; }
  /* Over the live video: faint, so the person and the skeleton stay what one sees first. */
  .guide-still { inline-size: 100%; block-size: 100%; object-fit: contain; opacity: 0.6; }
</style>`;

export function renderGuidePictures(
  exercise: ExerciseId,
  label = 'Where the laptop goes',
): TemplateResult {
  const p = GUIDE_PICTURES[exercise];
  return html`${PICTURE_STYLE}<figure class="guide-pictures" aria-label=${label} data-testid="guide-pictures">
    <div class="pair">
      <img src=${p.camera.url} alt=${p.camera.alt} width=${p.camera.width} height=${p.camera.height} data-kind="camera" />
      <img src=${p.plan.url} alt=${p.plan.alt} width=${p.plan.width} height=${p.plan.height} data-kind="plan" />
    </div>
    <figcaption>${p.placement}</figcaption>
  </figure>`;
}

/** The camera's view only (decorative: the setup frame says what to do in words). */
export function renderCameraView(exercise: ExerciseId): TemplateResult {
  const p = GUIDE_PICTURES[exercise].camera;
  return html`${PICTURE_STYLE}<img class="guide-still" src=${p.url} alt="" width=${p.width} height=${p.height} />`;
}
