/**
 * The side panel of a live session: the cue in large type, the recognition
 * offer, the hold ring with the twist's side and the hold count, the live
 * numbers, and the session buttons. A template only: state comes from the
 * LiveSession, actions go to the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LiveSession } from '../../controllers/live-session.ts';
import { measuredErrorOf } from '../../core/measured-error.ts';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { SCREEN_LINES } from '../../feedback/screen-verdict.ts';
import { EXERCISE_GUIDES } from '../exercise-card/exercise-guides.ts';
import { notJudgedLines } from './not-judged-lines.ts';

export interface LivePanelView {
  session: LiveSession;
  paused: boolean;
  /** The pause came from sitting up out of the stretch: going back into it resumes. */
  pausedByPose: boolean;
  cameraFailed: boolean;
  holdTargetS: number;
  storageNote: string;
  isAllowed: (id: ExerciseId) => boolean;
  /** Where a routine is ("Routine: stretch 2 of 3"), if one is under way. */
  routinePlace?: TemplateResult | typeof nothing;
  /** The engine running (`mediapipe/lite`…): the "±" is its measured error, where it was measured. */
  engine?: string | undefined;
}

export interface LivePanelActions {
  accept(): void;
  switchSide(): void;
  togglePause(): void;
  stop(): void;
  sharpPain(): void;
}

export function renderLivePanel(v: LivePanelView, act: LivePanelActions): TemplateResult {
  const { session, paused } = v;
  const step = session.step;
  const exercise = session.exercise;
  // Banner, ring and skeleton all come from the step's screen verdict (src/feedback/screen-verdict.ts).
  const screen = step?.screen;
  const banner = screen?.text ?? (exercise ? SCREEN_LINES.watching : SCREEN_LINES.start);
  // Space resumes a pause, but not while the camera is gone: the camera screen above says what to do.
  const pausedText = v.cameraFailed
    ? 'Paused: the camera stopped. Use “Resume with camera” above.'
    : v.pausedByPose
      ? `Paused. ${exercise === 'childs-pose' ? 'Fold forward again' : 'Lie back on the roller'} to go on, or press Space.`
      : 'Paused. Press Space to go on.';
  const title = exercise ? EXERCISE_GUIDES[exercise].title : 'Just start';
  return html`
    <h2 class="live-h" tabindex="-1" ?data-view-heading=${!v.cameraFailed}>Coaching: ${title}</h2>
    ${v.routinePlace ?? nothing}
    <div class="cue ${screen?.tone === 'safety' ? 'safety' : ''} ${screen?.cue && !paused ? '' : 'quiet'}"
      data-testid="cue" data-code=${paused ? '' : (screen?.cue ?? '')}
      data-state=${paused ? 'paused' : (screen?.state ?? 'not-judged')}>
      ${paused ? pausedText : banner}</div>
    ${
      screen?.rateWarning
        ? html`<p class="note warn" role="status" data-testid="rate-warning">${screen.rateWarning}</p>`
        : nothing
    }
    ${exercise ? nothing : renderOffer(step?.recognized, v.isAllowed, act.accept)}
    ${
      exercise && !session.hasChecker
        ? html`<p class="note" data-testid="no-checker">Form rules for this stretch are not ready yet: you see your skeleton and numbers, but no cues or hold timer.</p>`
        : nothing
    }
    ${exercise ? renderProgress(v, act) : nothing}
    ${v.storageNote ? html`<p class="note" role="status" data-testid="storage-note">${v.storageNote}</p>` : nothing}
    <div class="controls">
      <button data-testid="pause" ?disabled=${v.cameraFailed} @click=${act.togglePause}>${paused ? 'Resume' : 'Pause'} <kbd>Space</kbd></button>
      <button data-testid="stop" @click=${act.stop}>Stop <kbd>S</kbd></button>
      <button class="danger" data-testid="sharp-pain" @click=${act.sharpPain}>Sharp pain <kbd>P</kbd></button>
    </div>`;
}

function renderOffer(
  recognized: ExerciseId | undefined,
  isAllowed: (id: ExerciseId) => boolean,
  accept: () => void,
) {
  if (!recognized)
    return html`<div class="offer" data-testid="recognise">Recognising your stretch…</div>`;
  const title = EXERCISE_GUIDES[recognized].title;
  return html`<div class="offer" data-testid="recognise">${
    isAllowed(recognized)
      ? html`Looks like <strong>${title}</strong>.
        <button class="primary" data-testid="accept-recognised" @click=${accept}>Coach it <kbd>C</kbd></button>`
      : html`Looks like <strong>${title}</strong>, which your safety check did not open for today.`
  }</div>`;
}

/** One live number: label, test id, and its text (— when unknown). */
export type LiveNumber = [label: string, testId: string, text: string];

/** `unit` is appended as given (with its own leading space, or none for °). */
const fixed = (v: number | undefined, digits: number, unit: string) =>
  v === undefined ? '—' : `${v.toFixed(digits)}${unit}`;

/**
 * The numbers that matter for each stretch, only as the checker took them:
 * a measure it rejected (e.g. a hip height too low to be real) or could not
 * see shows as unknown, never as the raw feature. The rotation's "±" is the
 * running engine's mean error on the corpus's test set (measured-error.ts),
 * else, for an engine never measured, the rotation model's own figure.
 */
export function liveNumbers(
  session: Pick<LiveSession, 'exercise' | 'step'>,
  engine?: string,
): LiveNumber[] {
  const step = session.step;
  const m = step?.verdict?.metrics ?? {};
  switch (session.exercise) {
    case 'foam-roller':
      return [
        ['Hip lift', 'hip-lift', fixed(m.hipHeightThighs, 2, ' thigh lengths')],
        [
          'Roller at',
          'roller-at',
          m.rollerAt === undefined ? '—' : `${Math.round(m.rollerAt * 100)}% down the back`,
        ],
      ];
    case 'seated-twist': {
      const rot = m.torsoRotationDeg;
      const unc = measuredErrorOf(engine)?.rotationMaeDeg ?? m.torsoRotationUncertaintyDeg ?? 0;
      return [
        [
          'Torso rotation',
          'rotation',
          rot === undefined ? '—' : `${Math.round(rot)}° ± ${Math.round(unc)}°`,
        ],
        ['Lean from upright', 'lean', fixed(m.trunkLeanDeg, 0, '°')],
      ];
    }
    case 'childs-pose':
      return [
        ['Hips to heels', 'hips-to-heels', fixed(m.hipsToHeelsThighs, 2, ' thigh lengths')],
        ['Hands apart', 'hands-apart', fixed(m.wristGapTorso, 2, ' torso lengths')],
      ];
    default:
      return [];
  }
}

/** Hold ring, side, count and the numbers that matter for the stretch. */
function renderProgress(v: LivePanelView, act: LivePanelActions) {
  const { session } = v;
  const step = session.step;
  const heldMs = step?.activeHold?.heldMs ?? 0;
  const other = session.twistSide === 'left' ? 'right' : 'left';
  const twist = session.exercise === 'seated-twist';
  return html`
    <div class="ring-row">
      <sw-hold-ring .seconds=${heldMs / 1000} .target=${v.holdTargetS} data-testid="hold-ring"
        .counting=${!v.paused && step?.screen?.ringCounting === true} data-held-ms=${Math.round(heldMs)}></sw-hold-ring>
      <div>
        ${
          twist
            ? html`<div class="side ${session.switchDue ? 'due' : ''}" data-testid="side">
                Twisting toward your <strong>${session.twistSide}</strong> knee
                ${session.switchDue ? html`<p data-testid="switch-prompt">Target reached: now the other side.</p>` : nothing}
                <button class=${session.switchDue ? 'primary' : ''} data-testid="switch-side" @click=${act.switchSide}>Switch to ${other}</button>
              </div>`
            : nothing
        }
        <p data-testid="hold-count">${session.exercise === 'foam-roller' ? 'Pauses' : 'Holds'}: <strong>${session.holds.length}</strong></p>
      </div>
    </div>
    <dl class="numbers" data-testid="numbers">
      ${liveNumbers(session, v.engine).map(([label, id, text]) => html`<dt>${label}</dt><dd data-testid=${id}>${text}</dd>`)}
      <dt>Phase</dt><dd data-testid="phase">${step?.verdict?.phase ?? '—'}</dd>
    </dl>
    ${notJudgedLines(step?.verdict).map((line) => html`<p class="note" data-testid="not-judged">${line}</p>`)}
    <p class="legend">— : not seen clearly enough to measure.${
      session.exercise === 'seated-twist' && measuredErrorOf(v.engine)
        ? ' ± : this engine’s mean error on recorded clips it was never tuned on.'
        : ''
    }</p>`;
}
