import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '../camera-problem/camera-problem.ts';
import '../exercise-card/exercise-card.ts';
import '../hold-ring/hold-ring.ts';
import '../safety-advice/safety-advice.ts';
import '../settings/coach-settings-panel.ts';
import { CameraController } from '../../controllers/camera-controller.ts';
import { CoachFlowController } from '../../controllers/coach-flow-controller.ts';
import { type CoachMeasures, CoachMeasuresRecorder } from '../../controllers/coach-measures.ts';
import { CoachSessionController, type SessionSummary } from '../../controllers/coach-session.ts';
import {
  type CoachSettings,
  loadCoachSettings,
  saveCoachSettings,
} from '../../controllers/coach-settings.ts';
import { CoachStartTask } from '../../controllers/coach-start-task.ts';
import { HandsFreeController } from '../../controllers/hands-free-controller.ts';
import type { LiveSession } from '../../controllers/live-session.ts';
import { LongTaskMonitor } from '../../controllers/long-task-monitor.ts';
import { MatViewController } from '../../controllers/mat-view-controller.ts';
import { PageVisibilityController } from '../../controllers/page-visibility.ts';
import { type LoopTrouble, PoseLoopController } from '../../controllers/pose-loop-controller.ts';
import { RoutineController } from '../../controllers/routine-controller.ts';
import {
  INTERRUPTION_WORDS,
  SessionInterruptions,
} from '../../controllers/session-interruptions.ts';
import { SingleTabLock } from '../../controllers/single-tab-lock.ts';
import { SpeechController } from '../../controllers/speech-controller.ts';
import type { Side } from '../../core/body-points.ts';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import type { GestureEvent } from '../../exercises/pose-gestures.ts';
import { cueDefinition } from '../../feedback/cue-vocabulary.ts';
import type { PoseResult } from '../../pose/worker/pose-worker-client.ts';
import type { ClosedExercises } from '../../safety/closed-exercises.ts';
import type { CoachStage, CoachStopReason, FlowEffect } from '../../session/coach-flow.ts';
import type { CoachStep } from '../../session/coach-pipeline.ts';
import { PausedTime } from '../../session/paused-time.ts';
import type { RoutineStep } from '../../session/routine.ts';
import { EXERCISE_GUIDES } from '../exercise-card/exercise-guides.ts';
import { renderCameraView } from '../exercise-card/render-guide-pictures.ts';
import { preselect, renderPicker } from '../exercise-picker/render-picker.ts';
import { focusViewHeading } from '../focus-view-heading.ts';
import { matViewStyles } from '../mat-view/mat-view-styles.ts';
import {
  handsFreeHint,
  renderCountdown,
  renderHurtQuestion,
  renderMatNotes,
  renderMatToggle,
  renderStopProgress,
} from '../mat-view/render-hands-free.ts';
import { renderRest, renderRoutineSummary, routinePlace } from '../routine/render-routine.ts';
import {
  checkSetup,
  firstProblem,
  rankedChecks,
  type SetupCheck,
  setupReady,
} from '../setup/setup-check.ts';
import { type SpokenHint, setupHintToSay } from '../setup/setup-hint.ts';
import {
  COACH_KEY_HELP,
  type CoachKeyAction,
  coachKeyAction,
  keyBelongsToControl,
} from './coach-keymap.ts';
import { drawOnCanvas } from './draw-overlay.ts';
import { liveCoachStyles } from './live-coach-styles.ts';
import { renderLivePanel } from './render-live-panel.ts';
import { renderStartProgress } from './render-start-progress.ts';
import { segmentStatuses } from './segment-status.ts';
import { renderSummary } from './session-summary.ts';

type Stage = CoachStage;

export type { CoachMeasures } from '../../controllers/coach-measures.ts';

/**
 * The live coach: choose a stretch (or let it be recognised), camera and
 * model, setup help, then the live session (video with a coloured skeleton,
 * the cue, hold ring, live numbers, spoken cues with captions) and a summary
 * of the holds; "sharp pain" ends at once with the safety advice. Thin:
 * camera, pose loop, speech, timing and the session itself (LiveSession)
 * live in controllers; the element moves between the stages and draws.
 */
@customElement('sw-live-coach')
export class LiveCoach extends LitElement {
  static override styles = [liveCoachStyles, matViewStyles];

  readonly camera = new CameraController(this);
  readonly loop = new PoseLoopController(this);
  readonly speech = new SpeechController(this);
  private readonly longTasks = new LongTaskMonitor();
  /** The stages (session/coach-flow.ts); its effects are carried out in `perform`. */
  readonly flow = new CoachFlowController(this, (effect) => this.perform(effect));
  /** Full screen and the wake lock of the mat view. */
  readonly mat = new MatViewController(this);
  /** Gestures and the accept countdown while live (one per session). */
  private handsFree: HandsFreeController | undefined;
  /** The stop gesture halted the session; "Did it hurt?" is on screen. */
  @state() private askHurt = false;
  /** Today's routine, when one is under way. */
  readonly routine = new RoutineController(this);
  /** One coaching tab at a time (Web Locks); the others say so and offer to take over. */
  readonly tabLock = new SingleTabLock(this);
  private readonly visibility = new PageVisibilityController(this);
  /** Paused spans of the session, left out of the hold timer's time. */
  private pausedTime = new PausedTime();
  /** Pauses for a hidden tab or a stopped pose model, with what to tell the person. */
  private readonly interruptions = new SessionInterruptions({
    flow: () => this.flow.state,
    dispatch: (event) => this.flow.dispatch(event),
    clearCue: () => {
      this.session?.clearCue();
      this.draw(null, undefined);
    },
    say: (text) => this.speech.say(text),
    pausedTime: () => this.pausedTime,
    setLoopPaused: (paused) => {
      this.loop.paused = paused;
    },
    requestUpdate: () => this.requestUpdate(),
  });

  /**
   * The stretches the safety check opened for today (issue 6's gate);
   * undefined = all. Others are shown but cannot be started or coached.
   */
  @property({ attribute: false }) allowed: ExerciseId[] | undefined;
  /** Why the closed ones are closed, and for how long (shown in the picker). */
  @property({ attribute: false }) closed: ClosedExercises = {};

  @state() private exercise: ExerciseId | undefined = 'foam-roller';
  @state() private twistSide: Side = 'left';
  @state() private settings: CoachSettings = loadCoachSettings();
  @state() private engineError = '';
  @state() private checks: SetupCheck[] = [];
  /** The session, its summary and storage message (coach-session.ts). */
  private readonly coaching = new CoachSessionController(this, {
    describe: (id) => EXERCISE_GUIDES[id],
    isAllowed: (id) => this.isAllowed(id),
    say: (text, safety) => this.speech.say(text, safety),
  });
  /** The session while coaching (mutated frame by frame; each pose asks for a render). */
  private get session(): LiveSession | undefined {
    return this.coaching.session;
  }
  private get summary(): SessionSummary | undefined {
    return this.coaching.summary;
  }
  private get storageNote(): string {
    return this.coaching.storageNote;
  }
  @query('video') private video?: HTMLVideoElement;
  @query('canvas') private overlay?: HTMLCanvasElement;

  private readonly meter = new CoachMeasuresRecorder(this.longTasks);
  /** Numbers a test (or a curious person) can read off the element (coach-measures.ts). */
  get measures(): CoachMeasures {
    return this.meter.values;
  }
  /** Opens the camera and loads the engine for the flow, cancellably. */
  private readonly starter = new CoachStartTask({
    camera: this.camera,
    loop: this.loop,
    settings: () => this.settings,
    attach: async () => {
      await this.updateComplete;
      this.attachVideo();
    },
    dispatch: (event) => this.flow.dispatch(event),
    counts: this.measures,
  });
  private lastSetupHint: SpokenHint | undefined;

  constructor() {
    super();
    this.speech.settings = this.settings.voice;
    this.loop.onPose = (p) => this.onPose(p);
    this.loop.onError = (m) => {
      this.engineError = `The pose model failed on a frame: ${m}`;
    };
    this.camera.onEnded = () => this.onCameraEnded();
    this.loop.onTrouble = (t) => this.onLoopTrouble(t);
    this.visibility.onChange = (hidden) => {
      if (hidden)
        this.interruptions.interrupt('hidden', INTERRUPTION_WORDS.hidden, performance.now(), false);
      else this.interruptions.end('hidden', INTERRUPTION_WORDS.back);
    };
    this.tabLock.onLost = () => this.onTabLockLost();
    this.routine.onStretch = (step) => this.routineStretch(step);
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    globalThis.speechSynthesis?.addEventListener('voiceschanged', this.voicesChanged);
  }

  override disconnectedCallback() {
    window.removeEventListener('keydown', this.onKey);
    this.session?.close();
    globalThis.speechSynthesis?.removeEventListener('voiceschanged', this.voicesChanged);
    this.longTasks.stop();
    super.disconnectedCallback();
  }

  private readonly voicesChanged = () => this.requestUpdate();

  // ── Flow ────────────────────────────────────────────────────────────────

  private get stage(): Stage {
    return this.flow.state.stage;
  }
  private get paused(): boolean {
    return this.flow.state.paused;
  }

  /**
   * Camera, then the engine, then setup help (the flow's start). Stop, Sharp
   * pain or leaving cancel it wherever it is (coach-start-task.ts).
   */
  private begin() {
    this.flow.dispatch({ type: 'start' });
  }

  /** Carries out what a flow transition asks for, in order. */
  private perform(effect: FlowEffect) {
    switch (effect.type) {
      case 'open-camera':
        this.engineError = '';
        this.checks = [];
        this.longTasks.start();
        void this.starter.openCamera(effect.run);
        break;
      case 'load-engine':
        void this.starter.loadEngine(effect.run);
        break;
      case 'cancel-start':
        this.starter.cancel();
        break;
      case 'watch-setup':
        this.loop.wantBrightness = true;
        this.loop.paused = false; // a session that ended paused (a stop gesture, Space) left it so
        break;
      case 'start-session':
        this.startSession(effect.atMs);
        break;
      case 'set-paused':
        this.session?.clearCue(); // a cue from before the pause no longer describes the person
        this.pausedTime.set(effect.paused, performance.now());
        this.loop.paused = effect.paused && !effect.keepWatching;
        if (!effect.paused) this.askHurt = false; // resumed by hand: "Did it hurt?" no longer stands
        break;
      case 'say':
        this.speech.say(effect.text, effect.safety);
        break;
      case 'hush':
        this.speech.hush();
        break;
      case 'end-session':
        this.endSession(effect.reason, effect.atMs);
        break;
      case 'release':
        this.release();
        break;
      case 'mark-sharp-pain':
        // Sharp pain in a routine's rest: the routine is over, and the stretch just stored closes the day.
        this.routine.dispatch({ type: 'end' });
        this.loop.stop();
        this.camera.stop();
        void this.coaching.markSharpPain();
        break;
    }
  }

  private attachVideo() {
    const video = this.video;
    const stream = this.camera.stream;
    if (!video || !stream) return;
    if (video.srcObject !== stream) {
      video.srcObject = stream;
      void video.play().catch(() => {});
    }
    this.loop.detach();
    this.loop.attach(video);
  }

  private goLive() {
    this.flow.dispatch({ type: 'start-now' });
  }

  private startSession(atMs: number) {
    this.loop.wantBrightness = false;
    this.pausedTime = new PausedTime();
    const session = this.coaching.start({
      exercise: this.exercise,
      twistSide: this.twistSide,
      holdTargetS: this.settings.holdTargetS,
      atMs,
    });
    this.meter.sessionStarted(session.trace);
    this.startHandsFree();
  }

  private isAllowed(id: ExerciseId | undefined): boolean {
    return !id || !this.allowed || this.allowed.includes(id);
  }

  private togglePause() {
    this.flow.dispatch({ type: 'toggle-pause' });
  }

  /** Ends the session: everything stops and the summary (or the safety advice) shows. */
  private finish(reason: CoachStopReason) {
    this.flow.dispatch({ type: 'stop', reason });
  }

  /** Sharp pain (button or P): ends the session, or in a routine's rest the routine. */
  private sharpPain() {
    if (this.routine.resting) this.flow.dispatch({ type: 'sharp-pain-after' });
    else this.finish('sharp-pain');
  }

  /** The flow ended the session (loading, setup or live): release, store, summarise. */
  private endSession(reason: CoachStopReason, atMs: number) {
    this.endHandsFree();
    const { holdTargetS } = this.settings;
    const done = this.coaching.end(reason, atMs, this.flow.state.durationMs, holdTargetS);
    // In a routine the camera and model stay on through the rest, ready for the next stretch.
    const resting = this.routine.stretchEnded(reason, done?.holds ?? [], this.settings.holdTargetS);
    if (resting) this.loop.paused = true;
    else {
      this.loop.stop();
      this.camera.stop();
    }
    this.longTasks.stop();
    this.updateTaskMeasures();
    // The sharp-pain line is the flow's own (it hushes everything first).
    if (reason === 'done') {
      this.speech.say(
        resting
          ? 'Well done. Rest now; the next stretch is on screen.'
          : 'Session finished. Here is your summary.',
      );
    }
  }

  /** The pose worker died or its engine keeps failing (pose-loop-controller.ts): pause, say so, go on. */
  private onLoopTrouble(t: LoopTrouble) {
    if (t.kind === 'lost') {
      this.engineError = '';
      this.interruptions.interrupt('model', t.message, t.sinceMs);
    } else if (t.kind === 'back') this.interruptions.end('model', t.message);
    else this.interruptions.fail(t.message);
  }

  /** Another tab took over the coaching: this one stands down, keeping a session under way. */
  private onTabLockLost() {
    if (this.stage === 'live') this.finish('done');
    else if (this.stage === 'loading' || this.stage === 'setup') this.restart();
    this.speech.hush();
  }

  private onCameraEnded() {
    this.draw(null, undefined); // no stale skeleton over a dead camera
    this.flow.dispatch({ type: 'camera-lost' });
  }

  private async retryCamera() {
    const { stage, step } = this.flow.state;
    if (stage === 'loading' && step === 'camera') {
      this.begin(); // the camera never opened: start over from it
      return;
    }
    const stream = await this.camera.start();
    if (!stream) return;
    await this.updateComplete;
    this.attachVideo();
    this.flow.dispatch({ type: 'camera-back' });
  }

  private acceptRecognized() {
    if (this.stage === 'live' && this.session?.accept()) this.requestUpdate();
  }

  private switchSide() {
    if (this.stage !== 'live' || this.session?.exercise !== 'seated-twist') return;
    this.session.switchSide();
    this.requestUpdate();
  }

  // ── Frames ──────────────────────────────────────────────────────────────

  private onPose(p: PoseResult) {
    if (this.engineError) this.engineError = ''; // a frame went through again
    if (this.stage === 'setup') this.onSetupPose(p);
    else if (this.stage === 'live') this.onLiveOrPausedPose(p);
    else if (this.stage === 'loading') this.draw(p.frame, undefined);
  }

  private onSetupPose(p: PoseResult) {
    this.checks = checkSetup(p.frame, p.brightness, this.exercise);
    this.draw(p.frame, undefined);
    const ready = setupReady(this.checks);
    this.flow.dispatch({ type: 'setup-frame', ready }); // all right for long enough: coaching starts
    if (ready) return;
    const now = performance.now();
    const hint = setupHintToSay(this.checks, this.lastSetupHint, now);
    if (hint) {
      this.lastSetupHint = { id: hint.id, atMs: now };
      this.speech.say(hint.text);
    }
  }

  private onLivePose(p: PoseResult) {
    const session = this.session;
    if (!session) return;
    const t0 = performance.now();
    // Session time: paused spans (Space, a hidden tab, a model restart) are no gap in a hold.
    const step = session.onPose({ ...p, tMs: this.pausedTime.sessionMs(p.tMs) });
    if (!step) return;
    this.draw(step.smoothed, step);
    this.meter.step(performance.now() - t0, session.poses);
    this.requestUpdate();
    if (step.cue) {
      // After the render that shows it: frame grab → cue on screen.
      void this.updateComplete.then(() => this.meter.cueShown(performance.now() - p.tMs));
    }
  }

  private draw(frame: PoseResult['frame'], step: CoachStep | undefined) {
    drawOnCanvas(this.overlay, frame, frame ? segmentStatuses(frame, step?.screen) : []);
  }

  // ── Hands-free and the mat view (src/ui/mat-view, controllers/hands-free-controller.ts) ──

  private startHandsFree() {
    this.askHurt = false;
    this.handsFree = new HandsFreeController(this.exercise);
    void this.mat.setCoaching(true);
  }

  private endHandsFree() {
    this.askHurt = false;
    this.handsFree = undefined;
    void this.mat.setCoaching(false);
    void this.mat.leave();
  }

  /** Live poses go to the gestures even while paused (sitting up pauses, lying back resumes). */
  private onLiveOrPausedPose(p: PoseResult) {
    if (this.askHurt) return;
    const event = this.handsFree?.onPose(p.frame, p.tMs);
    if (event) this.onGesture(event);
    if (this.paused || this.askHurt) return;
    this.onLivePose(p);
    const session = this.session;
    if (!session || session.exercise || !this.handsFree) return;
    const recognized = session.step?.recognized;
    const before = this.handsFree.offer;
    const offer = this.handsFree.onRecognized(recognized, this.isAllowed(recognized), p.tMs);
    if (offer.kind === 'go') {
      this.acceptRecognized();
      this.handsFree.setExercise(session.exercise);
    } else if (
      offer.kind === 'counting' &&
      (before.kind !== 'counting' || before.startedMs !== offer.startedMs)
    ) {
      this.speech.say('Coaching it in 3 seconds. Press N if it is not.');
    }
  }

  private onGesture(event: GestureEvent) {
    if (event === 'stop') {
      // Halt at once; the answer to "Did it hurt?" picks the summary or the safety advice.
      this.askHurt = true;
      this.flow.dispatch({ type: 'pause', keepWatching: false });
      this.session?.clearCue();
      this.speech.hush();
      this.speech.say('Stopped. Did it hurt?', true);
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('#hurt-h')?.focus(),
      );
    } else if (event === 'pause' && !this.paused) {
      this.flow.dispatch({ type: 'pause', keepWatching: true });
      this.session?.clearCue();
      this.speech.hush();
      this.speech.say(
        this.session?.exercise === 'childs-pose'
          ? 'Paused. Fold forward again to go on.'
          : 'Paused. Lie back on the roller to go on.',
      );
    } else if (event === 'resume' && this.paused && this.camera.status !== 'failed') {
      this.flow.dispatch({ type: 'resume' });
      this.speech.say('Resumed');
    }
  }

  private declineRecognized() {
    if (this.handsFree?.offer.kind !== 'counting') return;
    this.handsFree.decline();
    this.speech.say('All right. Press C when you want it coached.');
    this.requestUpdate();
  }

  private renderHandsFree() {
    if (this.stage !== 'setup' && this.stage !== 'live') return nothing;
    const hf = this.handsFree;
    return html`
      ${renderMatNotes(this.mat.notes)}
      ${
        this.askHurt
          ? renderHurtQuestion({
              hurt: () => this.finish('sharp-pain'),
              fine: () => this.finish('done'),
            })
          : nothing
      }
      ${
        hf
          ? renderCountdown(
              hf.offer,
              (id) => EXERCISE_GUIDES[id].title,
              () => this.declineRecognized(),
            )
          : nothing
      }
      <div class="row">
        ${renderMatToggle(this.mat.active, () => void this.mat.toggle())}
        <p class="hands-free-hint">${handsFreeHint(this.session?.exercise ?? this.exercise)}</p>
      </div>`;
  }

  // ── Keys and settings ───────────────────────────────────────────────────

  /** The shortcuts (coach-keymap.ts): what each does here. */
  private readonly onKey = (e: KeyboardEvent) => {
    if (keyBelongsToControl(e) || this.tabLock.state === 'elsewhere') return;
    const hit = coachKeyAction(e, { stage: this.stage, matActive: this.mat.active });
    if (!hit) return;
    if (hit.takesKey) e.preventDefault();
    const actions: Record<CoachKeyAction, () => void> = {
      'sharp-pain': () => this.sharpPain(),
      pause: () => this.togglePause(),
      'start-now': () => this.goLive(),
      'leave-mat': () => void this.mat.leave(),
      mat: () => void this.mat.toggle(),
      decline: () => this.declineRecognized(),
      stop: () => this.finish('done'),
      voice: () =>
        this.updateSettings({
          ...this.settings,
          voice: { ...this.settings.voice, enabled: !this.settings.voice.enabled },
        }),
      accept: () => this.acceptRecognized(),
    };
    actions[hit.action]();
  };

  private updateSettings(next: CoachSettings) {
    this.settings = next;
    this.speech.settings = next.voice;
    if (!next.voice.enabled) this.speech.hush();
    saveCoachSettings(next);
  }

  // ── Rendering ───────────────────────────────────────────────────────────

  override render() {
    return html`
      <div class="sr-only" aria-live="assertive" data-testid="cue-live">${
        this.session?.step?.screen?.cue && !this.paused
          ? cueDefinition(this.session.step.screen.cue).text
          : ''
      }</div>
      ${this.tabLock.state === 'elsewhere' ? this.renderOtherTab() : this.renderStage()}
      <p class="keys">Keys: ${COACH_KEY_HELP.map(
        (h, i) =>
          html`${i ? ' · ' : ''}${h.keys.map((k, j) => html`${j ? '/' : ''}<kbd>${k}</kbd>`)} ${h.does}`,
      )}</p>`;
  }

  private renderStage() {
    switch (this.stage) {
      case 'choose':
        return this.renderChoose();
      case 'summary':
        return this.summary
          ? html`${this.renderRoutineBetween()}
            ${renderSummary(this.summary, this.routine.resting ? undefined : () => this.startAnother())}
            ${this.storageNote ? html`<p class="note" role="status">${this.storageNote}</p>` : nothing}`
          : nothing;
      case 'safety':
        return html`<sw-safety-advice reason="sharp-pain" @sw-advice-dismiss=${() => this.restart()}></sw-safety-advice>
          ${this.summary ? renderSummary(this.summary, () => this.startAnother(), true) : nothing}`;
      default:
        return this.renderCameraStage();
    }
  }

  /**
   * "Start another" after a summary: back to choosing, and the shell hears
   * it (`sw-session-again`) so the daily safety check comes before the next
   * session.
   */
  private startAnother() {
    this.restart();
    this.dispatchEvent(new CustomEvent('sw-session-again', { bubbles: true, composed: true }));
  }

  /** Back to choosing a stretch; releases the camera and the model if still held. */
  private restart() {
    this.flow.dispatch({ type: 'restart' });
  }

  /** The flow went back to choosing (or the page is leaving): everything is let go. */
  private release() {
    this.interruptions.clear();
    this.endHandsFree();
    this.loop.stop();
    this.camera.stop();
    this.longTasks.stop();
    this.engineError = '';
    this.coaching.clear();
    this.routine.clear();
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
      sharpPain: () => this.sharpPain(),
      end: () => {
        this.routine.dispatch({ type: 'end' });
        this.loop.stop();
        this.camera.stop();
      },
    });
  }

  /** A routine's stretch is due: straight to setup when the camera and model are on, else start them. */
  private routineStretch(step: RoutineStep) {
    this.exercise = step.exercise;
    if (step.firstSide) this.twistSide = step.firstSide;
    this.coaching.clear();
    this.checks = [];
    if (this.camera.stream && this.loop.client) {
      this.longTasks.start();
      this.flow.dispatch({ type: 'next-stretch' }); // resumes the loop and watches setup
    } else {
      this.begin();
    }
  }

  private renderChoose() {
    return html`${renderPicker(
      {
        exercise: this.exercise,
        twistSide: this.twistSide,
        allowed: this.allowed,
        closed: this.closed,
      },
      {
        pick: (id) => {
          this.exercise = id;
        },
        side: (side) => {
          this.twistSide = side;
        },
        start: () => void this.begin(),
        startRoutine: () => this.routine.start(this.allowed),
      },
    )}
      <details><summary>Settings</summary>
        <sw-coach-settings .settings=${this.settings} .voices=${this.speech.voices()}
          @sw-settings-change=${(e: CustomEvent<CoachSettings>) => this.updateSettings(e.detail)}></sw-coach-settings>
      </details>`;
  }

  private renderCameraStage() {
    const failure = this.camera.status === 'failed' ? this.camera.failure : undefined;
    if (failure && this.stage !== 'live') {
      return html`<sw-camera-problem .failure=${failure} @sw-camera-retry=${() => void this.retryCamera()}
        @sw-camera-back=${() => this.restart()}></sw-camera-problem>`;
    }
    const live = this.stage === 'live';
    const ready = setupReady(this.checks);
    return html`
      ${
        failure
          ? html`<sw-camera-problem .failure=${failure} sessionKept
              @sw-camera-retry=${() => void this.retryCamera()} @sw-session-end=${() => this.finish('done')}></sw-camera-problem>`
          : nothing
      }
      <div class="stage-wrap">
        <div>
          <div class="stage ${this.settings.mirror ? 'mirror' : ''}" data-testid="stage">
            <video muted playsinline aria-label="Camera preview"></video>
            <canvas data-testid="overlay" aria-hidden="true"></canvas>
            ${
              this.stage === 'setup'
                ? html`<div class="guide ${ready ? 'ok' : ''}" data-testid="setup-guide">
                    ${this.exercise ? html`<div class="silhouette" aria-hidden="true">${renderCameraView(this.exercise)}</div>` : nothing}
                    <span>${
                      ready
                        ? 'Hold still: starting…'
                        : (firstProblem(this.checks)?.text ??
                          'Fit your whole body inside this frame')
                    }</span></div>`
                : nothing
            }
            ${this.paused ? html`<div class="badge" data-testid="paused">Paused</div>` : nothing}
            ${this.stage === 'live' && !this.askHurt ? renderStopProgress(this.handsFree?.stopProgress ?? 0) : nothing}
          </div>
          ${this.renderStatusLine()}
          ${this.renderCaptions()}
        </div>
        <div class="panel">
          ${this.renderHandsFree()}
          ${this.stage === 'loading' ? this.renderLoading() : nothing}
          ${this.stage === 'setup' ? this.renderSetup() : nothing}
          ${live ? this.renderLive() : nothing}
          ${this.renderDevicePicker()}
        </div>
      </div>`;
  }

  private renderLoading() {
    return html`<div data-testid="loading">
      <h2 tabindex="-1" data-view-heading>Getting ready</h2>
      ${
        this.flow.state.error
          ? html`<p class="error" role="alert" data-testid="engine-error">${this.flow.state.error}</p>
            <p>Pick another engine or model in the settings, then start again.</p>
            <button class="primary" data-testid="back-to-settings" @click=${() => this.restart()}>Back to settings</button>`
          : renderStartProgress({
              step: this.flow.state.step,
              detail: this.flow.state.progress,
              stop: () => this.finish('done'),
              sharpPain: () => this.finish('sharp-pain'),
            })
      }
    </div>`;
  }

  private renderSetup() {
    return html`<h2 tabindex="-1" data-view-heading>Get set up</h2>
      ${this.renderRoutinePlace()}
      ${
        this.checks.length
          ? nothing
          : renderStartProgress({
              step: 'first-frame',
              detail: 'Waiting for the model to check the first camera frame…',
            })
      }
      <ul class="checks" data-testid="setup-checks" aria-live="polite">
        ${rankedChecks(this.checks).map(
          (
            c,
          ) => html`<li class=${c.ok === true ? 'ok' : c.ok === false ? 'bad' : 'unknown'} data-check=${c.id} data-ok=${String(c.ok)}>
            ${c.ok === true ? '✓' : c.ok === false ? '✗' : '…'} ${c.text}</li>`,
        )}
      </ul>
      ${this.exercise ? html`<sw-exercise-card exercise=${this.exercise}></sw-exercise-card>` : nothing}
      <div class="controls">
        <button class="primary" data-testid="start-now" @click=${() => this.goLive()}>Start now <kbd>Enter</kbd></button>
        <button data-testid="stop" @click=${() => this.finish('done')}>Stop</button>
      </div>`;
  }

  private renderLive() {
    if (!this.session) return nothing;
    return renderLivePanel(
      {
        session: this.session,
        paused: this.paused,
        pausedByPose: this.flow.state.pausedByPose,
        cameraFailed: this.camera.status === 'failed',
        holdTargetS: this.settings.holdTargetS,
        storageNote: this.storageNote,
        isAllowed: (id) => this.isAllowed(id),
        routinePlace: this.renderRoutinePlace(),
      },
      {
        accept: () => this.acceptRecognized(),
        switchSide: () => this.switchSide(),
        togglePause: () => this.togglePause(),
        stop: () => this.finish('done'),
        sharpPain: () => this.finish('sharp-pain'),
      },
    );
  }

  private renderStatusLine() {
    const s = this.loop.stats;
    const info = this.loop.client?.info;
    const fmt = (v: number | undefined, d = 0) => (v === undefined ? '—' : v.toFixed(d));
    return html`<p class="status" data-testid="status-line">
      ${info ? `${info.engine} (${info.runtime.backend})` : 'no model yet'} · ${fmt(s.fps, 1)} fps ·
      model ${fmt(s.inferenceMs)} ms · latency ${fmt(s.latencyMs)} ms · dropped ${this.loop.client?.dropped ?? 0}
      ${info?.runtime.fallback ? html`· <abbr title=${info.runtime.fallback}>fallback</abbr>` : nothing}
      ${this.flow.state.engineNote ? html`<br /><span data-testid="engine-note">${this.flow.state.engineNote}</span>` : nothing}</p>
      ${this.engineError ? html`<p class="error" role="alert" data-testid="frame-error">${this.engineError}</p>` : nothing}
      ${this.renderInterruption()}`;
  }

  /** What interrupted the session (hidden tab, pose model stopped) and what happens now. */
  private renderInterruption() {
    const { note, alert } = this.interruptions;
    if (!note) return nothing;
    return alert
      ? html`<p class="error" role="alert" data-testid="fault-note">${note}</p>`
      : html`<p class="note" role="status" data-testid="fault-note">${note}</p>`;
  }

  /** Another tab is coaching: say so, with a way to coach here instead. */
  private renderOtherTab() {
    return html`<section data-testid="other-tab" aria-labelledby="other-tab-h">
      <h2 id="other-tab-h" tabindex="-1" data-view-heading>Coaching in another tab</h2>
      <p>Spinewise is coaching in another tab or window. One coach at a time keeps the camera
        free and saves each session once.</p>
      <button class="primary" data-testid="take-over" @click=${() => this.tabLock.takeOver()}>
        Coach here instead</button>
      <p class="muted">The other tab ends its session (it is kept) and stops its camera.</p>
    </section>`;
  }

  private renderCaptions() {
    return html`<div class="captions" data-testid="captions" aria-label="Captions of what the coach says">
      ${
        this.speech.captions.length
          ? this.speech.captions
              .slice(-3)
              .map((c) => html`<p class=${c.safety ? 'safety' : ''}>${c.text}</p>`)
          : html`<p class="muted">Captions of everything the coach says appear here.</p>`
      }
    </div>`;
  }

  private renderDevicePicker() {
    const devices = this.camera.devices;
    if (devices.length < 2) return nothing;
    return html`<label>Camera
      <select data-testid="camera-picker" @change=${(e: Event) => {
        void this.camera.start((e.target as HTMLSelectElement).value).then(async () => {
          await this.updateComplete;
          this.attachVideo();
        });
      }}>
        ${devices.map((d, i) => html`<option value=${d.deviceId} ?selected=${d.deviceId === this.camera.deviceId}>${d.label || `Camera ${i + 1}`}</option>`)}
      </select></label>`;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // A stretch the safety check keeps closed is never the one selected.
    if (changed.has('allowed')) this.exercise = preselect(this.exercise, this.allowed);
  }

  /** Which view shows, for moving focus to its heading when it changes. */
  private viewKey = '';

  protected override updated() {
    const failure = this.camera.status === 'failed' ? this.camera.failure?.kind : '';
    const key = `${this.stage}/${failure}/${this.routine.state?.phase ?? ''}/${this.tabLock.state === 'elsewhere'}`;
    if (key !== this.viewKey) {
      this.viewKey = key;
      void focusViewHeading(this.renderRoot);
    }
    // A new stream (first start or retry) goes to the video as soon as it is rendered.
    if (this.video && this.camera.stream && this.video.srcObject !== this.camera.stream) {
      this.attachVideo();
    }
    this.updateTaskMeasures();
  }

  private updateTaskMeasures() {
    this.meter.readTasks(this.flow.state.liveSinceMs);
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
