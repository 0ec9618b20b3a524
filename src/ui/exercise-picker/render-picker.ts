/**
 * The stretch picker: today's routine, or one stretch (or "Just start"),
 * the twist's bent knee, the instruction card and the start button. A
 * stretch the safety check keeps closed is shown, disabled, with why and
 * for how long. A template only: the coach owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Side } from '../../core/body-points.ts';
import { EXERCISE_IDS, type ExerciseId } from '../../exercises/exercise-ids.ts';
import type { ClosedExercises } from '../../safety/closed-exercises.ts';
import { planRoutine, ROUTINE_TIMING } from '../../session/routine.ts';
import { EXERCISE_GUIDES } from '../exercise-card/exercise-guides.ts';

export interface PickerView {
  exercise: ExerciseId | undefined;
  twistSide: Side;
  /** Open today; undefined = all. */
  allowed: readonly ExerciseId[] | undefined;
  closed: ClosedExercises;
}

export interface PickerActions {
  pick(id: ExerciseId | undefined): void;
  side(side: Side): void;
  start(): void;
  startRoutine(): void;
}

const isOpen = (v: PickerView, id: ExerciseId | undefined) =>
  !id || !v.allowed || v.allowed.includes(id);

/**
 * The stretch to have selected: the current one while it is open, else the
 * first open one, else "Just start" (undefined), which only coaches what is open.
 */
export function preselect(
  current: ExerciseId | undefined,
  allowed: readonly ExerciseId[] | undefined,
): ExerciseId | undefined {
  if (!current || !allowed || allowed.includes(current)) return current;
  return EXERCISE_IDS.find((id) => allowed.includes(id));
}

/** Why a stretch is closed, in a line for its button. */
function closedLine(v: PickerView, id: ExerciseId): string {
  return v.closed[id]?.lasts ?? 'Closed by your safety check today.';
}

export function renderPicker(v: PickerView, act: PickerActions): TemplateResult {
  const closedIds = EXERCISE_IDS.filter((id) => !isOpen(v, id));
  return html`<section aria-labelledby="choose-h" data-testid="picker">
    <h2 id="choose-h" tabindex="-1" data-view-heading>Live coach</h2>
    ${renderRoutineOffer(v, act)}
    <h3 class="or">Or one stretch</h3>
    <div class="choices" role="group" aria-label="Stretch">
      ${EXERCISE_IDS.map((id) => {
        const open = isOpen(v, id);
        return html`<button class="choice" data-testid=${`choose-${id}`}
          aria-pressed=${v.exercise === id} ?disabled=${!open}
          aria-describedby=${open ? nothing : `closed-${id}`} @click=${() => act.pick(id)}>
          <strong>${EXERCISE_GUIDES[id].title}</strong>${
            open
              ? EXERCISE_GUIDES[id].camera
              : html`<span class="closed-line">Not open for you. ${closedLine(v, id)}</span>`
          }</button>`;
      })}
      <button class="choice" data-testid="choose-recognise" aria-pressed=${v.exercise === undefined}
        @click=${() => act.pick(undefined)}>
        <strong>Just start</strong>Begin any of the three; the coach recognises it and offers to coach it.</button>
    </div>
    ${closedIds.map((id) => renderClosedNote(v, id))}
    ${
      v.exercise === 'seated-twist'
        ? html`<div class="row sides" role="group" aria-labelledby="side-label">
            <span id="side-label">Bent knee (you twist toward it):</span>
            ${(['left', 'right'] as const).map(
              (s) =>
                html`<button class="side-choice" aria-pressed=${v.twistSide === s} data-testid=${`twist-${s}`}
                  @click=${() => act.side(s)}>${v.twistSide === s ? '✓ ' : ''}${s === 'left' ? 'Left' : 'Right'} knee</button>`,
            )}</div>`
        : nothing
    }
    ${v.exercise ? html`<sw-exercise-card exercise=${v.exercise}></sw-exercise-card>` : nothing}
    <div class="row">
      <button class="primary" data-testid="start-camera" ?disabled=${!isOpen(v, v.exercise)}
        aria-describedby=${isOpen(v, v.exercise) ? nothing : 'start-why'} @click=${act.start}>Start the camera</button>
      ${
        isOpen(v, v.exercise)
          ? html`<span>The video stays on this device.</span>`
          : html`<span id="start-why" data-testid="start-why">Choose a stretch that is open for you.</span>`
      }
    </div>
  </section>`;
}

function renderClosedNote(v: PickerView, id: ExerciseId) {
  const c = v.closed[id];
  return html`<p class="note closed" id=${`closed-${id}`} data-testid=${`closed-${id}`}>
    <strong>${EXERCISE_GUIDES[id].title}: not open for you.</strong>
    ${c ? html`${c.why} ${c.lasts}` : 'Your safety check closed it for today.'}</p>`;
}

function renderRoutineOffer(v: PickerView, act: PickerActions) {
  const steps = planRoutine(v.allowed);
  if (!steps.length) return nothing;
  const names = steps.map(
    (s) => `${EXERCISE_GUIDES[s.exercise].title}${s.firstSide ? ' (both sides)' : ''}`,
  );
  const left = EXERCISE_IDS.filter((id) => !isOpen(v, id));
  return html`<div class="routine" data-testid="routine-offer">
    <h3>Today’s upper-back routine</h3>
    <p>${names.join(', then ')}, with a ${Math.round(ROUTINE_TIMING.restMs / 1000)} s rest between
      to move the laptop and settle. One safety check covers it all.
      ${left.length ? html`<br />Left out: ${left.map((id) => EXERCISE_GUIDES[id].title).join(', ')} (not open for you).` : nothing}</p>
    <button class="primary" data-testid="start-routine" @click=${act.startRoutine}>Start the routine</button>
  </div>`;
}
