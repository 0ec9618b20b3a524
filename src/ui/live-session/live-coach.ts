import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../camera-problem/camera-problem.ts';
import '../exercise-card/exercise-card.ts';
import '../hold-ring/hold-ring.ts';
import '../safety-advice/safety-advice.ts';
import '../settings/coach-settings-panel.ts';
import type { CoachMeasures } from '../../controllers/coach-measures.ts';
import type { CoachSettings } from '../../controllers/coach-settings.ts';
import { LiveCoachParts } from '../../controllers/live-coach-parts.ts';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { cueDefinition } from '../../feedback/cue-vocabulary.ts';
import { engineName } from '../../pose/engine-options.ts';
import type { ClosedExercises } from '../../safety/closed-exercises.ts';
import { preselect, renderPicker } from '../exercise-picker/render-picker.ts';
import { matViewStyles } from '../mat-view/mat-view-styles.ts';
import { renderStopProgress } from '../mat-view/render-hands-free.ts';
import { renderRest, renderRoutineSummary, routinePlace } from '../routine/render-routine.ts';
import { liveCoachStyles } from './live-coach-styles.ts';
import { renderCameraStage, renderDevicePicker } from './render-camera-stage.ts';
import { renderCaptions, renderKeyHelp, renderOtherTab } from './render-coach-chrome.ts';
import { renderHandsFreePanel } from './render-hands-free-panel.ts';
import { renderLivePanel } from './render-live-panel.ts';
import { renderLoadingPanel } from './render-loading.ts';
import { renderSetupGuide, renderSetupPanel } from './render-setup.ts';
import { renderStatusLine } from './render-status-line.ts';
import { renderSummary } from './session-summary.ts';

export type { CoachMeasures } from '../../controllers/coach-measures.ts';

/**
 * The live coach: choose a stretch (or let it be recognised), camera and
 * model, setup help, then the live session (video with a coloured skeleton,
 * the cue, hold ring, live numbers, spoken cues with captions) and a summary
 * of the holds; "sharp pain" ends at once with the safety advice. The
 * element only wires its controllers together and renders: the stages are
 * session/coach-flow.ts, their effects controllers/coach-effects.ts, poses
 * go through coach-pose-router.ts, buttons and keys call coach-commands.ts.
 */
@customElement('sw-live-coach')
export class LiveCoach extends LitElement {
  static override styles = [liveCoachStyles, matViewStyles];

  /**
   * The stretches the safety check opened for today (issue 6's gate);
   * undefined = all. Others are shown but cannot be started or coached.
   */
  @property({ attribute: false }) allowed: ExerciseId[] | undefined;
  /** Why the closed ones are closed, and for how long (shown in the picker). */
  @property({ attribute: false }) closed: ClosedExercises = {};
  /** Every controller, joined (controllers/live-coach-parts.ts). */
  private readonly c = new LiveCoachParts(this);
  // What the browser tests read: camera, loop, flow, mat, routine, measures.
  readonly camera = this.c.camera;
  readonly loop = this.c.loop;
  readonly speech = this.c.speech;
  /** The stages (session/coach-flow.ts); its effects are carried out by coach-effects.ts. */
  readonly flow = this.c.flow;
  /** Full screen and the wake lock of the mat view. */
  readonly mat = this.c.mat;
  /** Today's routine, when one is under way. */
  readonly routine = this.c.routine;
  /** One coaching tab at a time (Web Locks); the others say so and offer to take over. */
  readonly tabLock = this.c.tabLock;
  private readonly act = this.c.act;

  /** Numbers a test (or a curious person) can read off the element (coach-measures.ts). */
  get measures(): CoachMeasures {
    return this.c.meter.values;
  }

  override connectedCallback() {
    super.connectedCallback();
    globalThis.speechSynthesis?.addEventListener('voiceschanged', this.voicesChanged);
  }

  override disconnectedCallback() {
    this.c.coaching.session?.close();
    globalThis.speechSynthesis?.removeEventListener('voiceschanged', this.voicesChanged);
    this.c.longTasks.stop();
    super.disconnectedCallback();
  }

  /** The settings panel lists the voices, which some browsers load late. */
  private readonly voicesChanged = () => this.requestUpdate();

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // A stretch the safety check keeps closed is never the one selected.
    if (changed.has('allowed'))
      this.c.pick.exercise = preselect(this.c.pick.exercise, this.allowed);
  }

  protected override updated() {
    this.c.meter.readTasks(this.flow.state.liveSinceMs);
  }

  // ── Rendering ───────────────────────────────────────────────────────────

  override render() {
    const cue = this.c.coaching.session?.step?.screen?.cue;
    return html`
      <div class="sr-only" aria-live="assertive" data-testid="cue-live">${
        cue && !this.flow.state.paused ? cueDefinition(cue).text : ''
      }</div>
      ${this.tabLock.state === 'elsewhere' ? renderOtherTab(() => this.tabLock.takeOver()) : this.renderStage()}
      ${renderKeyHelp()}`;
  }

  private renderStage() {
    const { summary, storageNote } = this.c.coaching;
    switch (this.flow.state.stage) {
      case 'choose':
        return this.renderChoose();
      case 'summary':
        return summary
          ? html`${this.renderRoutineBetween()}
            ${renderSummary(summary, this.routine.resting ? undefined : this.act.startAnother)}
            ${storageNote ? html`<p class="note" role="status">${storageNote}</p>` : nothing}`
          : nothing;
      case 'safety':
        return html`<sw-safety-advice reason="sharp-pain" @sw-advice-dismiss=${this.act.restart}></sw-safety-advice>
          ${summary ? renderSummary(summary, this.act.startAnother, true) : nothing}`;
      default:
        return this.renderCamera();
    }
  }

  /** "Routine: stretch 2 of 3" while a routine's stretch is set up or coached. */
  private renderRoutinePlace() {
    const r = this.routine.state;
    return r?.phase === 'stretch'
      ? html`<p class="routine-place" data-testid="routine-place">${routinePlace(r)}</p>`
      : nothing;
  }

  /** The rest between a routine's stretches, or the routine's summary after its last. */
  private renderRoutineBetween() {
    const r = this.routine.state;
    if (!r) return nothing;
    if (r.phase !== 'rest') return renderRoutineSummary(r);
    return renderRest(r, performance.now(), {
      nextNow: () => this.routine.dispatch({ type: 'next-now' }),
      skip: () => this.routine.dispatch({ type: 'skip' }),
      sharpPain: this.act.sharpPain,
      end: this.act.endRoutine,
    });
  }

  private renderChoose() {
    const settings = this.c.settings.value;
    return html`${renderPicker(
      {
        ...this.c.pick,
        allowed: this.allowed,
        closed: this.closed,
      },
      {
        pick: (exercise) => this.c.choose({ exercise }),
        side: (twistSide) => this.c.choose({ twistSide }),
        start: this.act.begin,
        startRoutine: () => this.routine.start(this.allowed),
      },
    )}
      <details><summary>Settings</summary>
        <sw-coach-settings .settings=${settings} .voices=${this.speech.voices()}
          @sw-settings-change=${(e: CustomEvent<CoachSettings>) => this.c.settings.update(e.detail)}></sw-coach-settings>
      </details>`;
  }

  /** Loading, setup and live: the video with what goes over, under and beside it. */
  private renderCamera() {
    const flow = this.flow.state;
    const { stage } = flow;
    const live = stage === 'live';
    const setup = stage === 'setup';
    const view = { exercise: this.c.pick.exercise, checks: this.c.setup.checks };
    const hf = this.c.gestures.handsFree;
    const act = this.act;
    return renderCameraStage(
      {
        failure: this.camera.status === 'failed' ? this.camera.failure : undefined,
        live,
        mirror: this.c.settings.value.mirror,
        overVideo: [
          setup ? renderSetupGuide(view) : nothing,
          flow.paused ? html`<div class="badge" data-testid="paused">Paused</div>` : nothing,
          live && !this.c.gestures.askHurt ? renderStopProgress(hf?.stopProgress ?? 0) : nothing,
        ],
        belowVideo: [
          renderStatusLine({
            loop: this.loop,
            engineNote: flow.engineNote,
            engineError: this.c.poses.engineError,
            note: this.c.interruptions.note,
            alert: this.c.interruptions.alert,
          }),
          renderCaptions(this.speech.captions),
        ],
        panel: [
          setup || live
            ? renderHandsFreePanel(
                {
                  matNotes: this.mat.notes,
                  matActive: this.mat.active,
                  askHurt: this.c.gestures.askHurt,
                  offer: hf?.offer,
                  exercise: this.c.coaching.session?.exercise ?? this.c.pick.exercise,
                },
                {
                  hurt: act.sharpPainNow,
                  fine: act.stop,
                  decline: act.decline,
                  toggleMat: () => void this.mat.toggle(),
                },
              )
            : nothing,
          stage === 'loading'
            ? renderLoadingPanel(flow, {
                back: act.restart,
                stop: act.stop,
                sharpPain: act.sharpPainNow,
              })
            : nothing,
          setup
            ? renderSetupPanel(
                { ...view, routinePlace: this.renderRoutinePlace() },
                { goLive: act.goLive, stop: act.stop },
              )
            : nothing,
          live ? this.renderLive() : nothing,
          renderDevicePicker(
            this.camera.devices,
            this.camera.deviceId,
            (id) => void this.c.cameraLink.pick(id),
          ),
        ],
      },
      { retry: () => void this.c.cameraLink.retry(), back: act.restart, end: act.stop },
    );
  }

  private renderLive() {
    const session = this.c.coaching.session;
    if (!session) return nothing;
    return renderLivePanel(
      {
        session,
        paused: this.flow.state.paused,
        pausedByPose: this.flow.state.pausedByPose,
        cameraFailed: this.camera.status === 'failed',
        holdTargetS: this.c.settings.value.holdTargetS,
        storageNote: this.c.coaching.storageNote,
        isAllowed: (id) => this.c.isAllowed(id),
        routinePlace: this.renderRoutinePlace(),
        engine: this.loop.spec && engineName(this.loop.spec),
      },
      {
        accept: this.act.accept,
        switchSide: this.act.switchSide,
        togglePause: this.act.togglePause,
        stop: this.act.stop,
        sharpPain: this.act.sharpPainNow,
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-live-coach': LiveCoach;
  }
  interface GlobalEventHandlersEventMap {
    /** The person asked for another session after a summary. */
    'sw-session-again': CustomEvent<void>;
  }
}
