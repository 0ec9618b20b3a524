/**
 * The hands-free parts of the live screen, as templates: the "Did it hurt?"
 * question after the stop gesture, the countdown before a recognised
 * stretch is coached, the stop gesture's progress on the video, the mat
 * view button and the notes on what the browser refused. State comes in,
 * actions go out; nothing here decides.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import type { CountdownState } from '../../exercises/recognition-countdown.ts';

export interface HurtActions {
  hurt(): void;
  fine(): void;
}

/** Asked after the stop gesture: the session is already halted; the answer decides summary or advice. */
export function renderHurtQuestion(act: HurtActions): TemplateResult {
  return html`<div class="hurt" role="alertdialog" aria-labelledby="hurt-h" aria-describedby="hurt-d" data-testid="hurt-question">
    <h2 id="hurt-h" tabindex="-1">Did it hurt?</h2>
    <p id="hurt-d">You raised both arms, so the coach stopped.</p>
    <div class="hurt-buttons">
      <button class="danger big" data-testid="hurt-yes" @click=${act.hurt}>Yes, sharp pain <kbd>P</kbd></button>
      <button class="primary big" data-testid="hurt-no" @click=${act.fine}>No, show my summary <kbd>S</kbd></button>
    </div>
  </div>`;
}

export function renderCountdown(
  offer: CountdownState,
  title: (id: ExerciseId) => string,
  decline: () => void,
): TemplateResult | typeof nothing {
  if (offer.kind !== 'counting') return nothing;
  return html`<div class="countdown" role="status" data-testid="countdown" data-exercise=${offer.exercise}>
    <p><strong>${title(offer.exercise)}</strong>: coaching starts in
      <span class="count" data-testid="countdown-seconds">${offer.secondsLeft}</span></p>
    <button data-testid="decline-recognised" @click=${decline}>Not this one <kbd>N</kbd></button>
  </div>`;
}

/** On the video while both arms are up: how far the stop gesture has got. */
export function renderStopProgress(share: number): TemplateResult | typeof nothing {
  if (share <= 0) return nothing;
  return html`<div class="stop-progress" data-testid="stop-progress" role="status">
    Keep both arms up to stop
    <progress max="100" value=${Math.round(share * 100)} aria-label="Stop gesture held"></progress>
  </div>`;
}

export function renderMatToggle(active: boolean, toggle: () => void): TemplateResult {
  return html`<button data-testid="mat-toggle" aria-pressed=${active ? 'true' : 'false'} @click=${toggle}>
    ${active ? 'Leave the mat view' : 'Mat view'} <kbd>M</kbd></button>`;
}

export function renderMatNotes(notes: readonly string[]): TemplateResult | typeof nothing {
  if (!notes.length) return nothing;
  return html`<div class="mat-notes" role="status" data-testid="mat-notes">
    ${notes.map((n) => html`<p>${n}</p>`)}</div>`;
}

/** One line in the mat view on what the pose itself controls, for the stretch coached. */
export function handsFreeHint(exercise: ExerciseId | undefined): string {
  const stop = 'Raise both arms above your head for 2 seconds to stop.';
  switch (exercise) {
    case 'foam-roller':
      return `Sit up off the roller to pause; lie back to go on. ${stop}`;
    case 'childs-pose':
      return `Kneel up to pause; fold forward again to go on. ${stop}`;
    default:
      return stop;
  }
}
