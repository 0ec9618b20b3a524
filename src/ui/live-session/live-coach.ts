import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '../camera-problem/camera-problem.ts';
import '../exercise-card/exercise-card.ts';
import '../hold-ring/hold-ring.ts';
import '../safety-advice/safety-advice.ts';
import '../settings/coach-settings-panel.ts';
import { CameraController } from '../../controllers/camera-controller.ts';
import { chooseEngine, isAbort } from '../../controllers/choose-engine.ts';
import {
  type CoachSettings,
  loadCoachSettings,
  saveCoachSettings,
} from '../../controllers/coach-settings.ts';
import { LiveSession, type TraceEntry } from '../../controllers/live-session.ts';
import { LongTaskMonitor } from '../../controllers/long-task-monitor.ts';
import { PoseLoopController } from '../../controllers/pose-loop-controller.ts';
import { RoutineController } from '../../controllers/routine-controller.ts';
import { SpeechController } from '../../controllers/speech-controller.ts';
import type { Side } from '../../core/body-points.ts';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { cueDefinition } from '../../feedback/cue-vocabulary.ts';
import type { PoseResult } from '../../pose/worker/pose-worker-client.ts';
import type { ClosedExercises } from '../../safety/closed-exercises.ts';
import type { CoachStep } from '../../session/coach-pipeline.ts';
import type { RoutineStep } from '../../session/routine.ts';
import { EXERCISE_GUIDES } from '../exercise-card/exercise-guides.ts';
import { renderSketch } from '../exercise-card/render-sketch.ts';
import { preselect, renderPicker } from '../exercise-picker/render-picker.ts';
import { focusViewHeading } from '../focus-view-heading.ts';
import { renderRest, renderRoutineSummary } from '../routine/render-routine.ts';
import {
  checkSetup,
  firstProblem,
  rankedChecks,
  type SetupCheck,
  setupReady,
} from '../setup/setup-check.ts';
import { type SpokenHint, setupHintToSay } from '../setup/setup-hint.ts';
import { drawOverlay } from './draw-overlay.ts';
import { liveCoachStyles } from './live-coach-styles.ts';
import { renderLivePanel } from './render-live-panel.ts';
import { renderStartProgress } from './render-start-progress.ts';
import { segmentStatuses } from './segment-status.ts';
import { renderSummary, type SessionSummary } from './session-summary.ts';

type Stage = 'choose' | 'loading' | 'setup' | 'live' | 'summary' | 'safety';

/** Setup must look right this long before the coach starts by itself, ms. */
export const SETUP_STEADY_MS = 1500;
/** Cue latencies kept in `measures` (the most recent). */
const LATENCY_LIMIT = 200;

/** Numbers a test (or a curious person) can read off the element. */
export interface CoachMeasures {
  /** Frame grab → cue on screen, per cue, ms. */
  cueLatencyMs: number[];
  /** Poses received in the live stage. */
  poses: number;
  /** Main-thread tasks over 50 ms since the coach started loading (camera, model, setup, session). */
  longTasks: number;
  longestTaskMs: number;
  /** Main-thread time per pose for smoothing, measures, checker, policy and drawing: the worst, and the sum, ms. */
  maxStepMs: number;
  totalStepMs: number;
  /** …of which during live coaching. */
  liveLongTasks: number;
  liveLongestTaskMs: number;
  /** The last live steps (LiveSession's trace): form verdict and hold time, for checking the timer. */
  trace: TraceEntry[];
  /** Engine loads cancelled (Stop, Sharp pain, leaving) that have since come to an end. */
  cancelledLoads: number;
}

/**
 * The live coach: choose a stretch (or let it be recognised), camera and
 * model, setup help, then the live session (video with a coloured skeleton,
 * the cue, hold ring, live numbers, spoken cues with captions) and a summary
 * of the holds; "sharp pain" ends at once with the safety advice. Thin:
 * camera, pose loop, speech, timing and the session itself (LiveSession)
 * live in controllers; the element moves between the stages and draws.
 */
/**
 * Keys that belong to the focused control rather than to the coach: every
 * key in a text field, and Space/Enter on a button, select, checkbox or
 * slider (they press or change it; the coach acting too would do it twice).
 */
function keyBelongsToControl(e: KeyboardEvent): boolean {
  const t = e.composedPath()[0];
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA') return true;
  const nonText = ['checkbox', 'radio', 'range', 'button', 'submit', 'reset'];
  if (t.tagName === 'INPUT' && !nonText.includes((t as HTMLInputElement).type)) return true;
  const control = t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'BUTTON';
  return control && (e.key === ' ' || e.key === 'Enter');
}

@customElement('sw-live-coach')
export class LiveCoach extends LitElement {
  static override styles = liveCoachStyles;

  readonly camera = new CameraController(this);
  readonly loop = new PoseLoopController(this);
  readonly speech = new SpeechController(this);
  private readonly longTasks = new LongTaskMonitor();
  /** Today's routine, when one is under way. */
  readonly routine = new RoutineController(this);

  /**
   * The stretches the safety check opened for today (issue 6's gate);
   * undefined = all. Others are shown but cannot be started or coached.
   */
  @property({ attribute: false }) allowed: ExerciseId[] | undefined;
  /** Why the closed ones are closed, and for how long (shown in the picker). */
  @property({ attribute: false }) closed: ClosedExercises = {};

  @state() private stage: Stage = 'choose';
  @state() private exercise: ExerciseId | undefined = 'foam-roller';
  @state() private twistSide: Side = 'left';
  @state() private settings: CoachSettings = loadCoachSettings();
  @state() private loadingText = '';
  @state() private engineError = '';
  @state() private checks: SetupCheck[] = [];
  /** The session while coaching (mutated frame by frame; each pose asks for a render). */
  @state() private session: LiveSession | undefined;
  @state() private paused = false;
  @state() private summary: SessionSummary | undefined;
  @state() private storageNote = '';
  /** What engine was chosen and why (shown under the status line). */
  @state() private engineNote = '';
  @query('video') private video?: HTMLVideoElement;
  @query('canvas') private overlay?: HTMLCanvasElement;

  readonly measures: CoachMeasures = {
    cueLatencyMs: [],
    poses: 0,
    longTasks: 0,
    longestTaskMs: 0,
    liveLongTasks: 0,
    liveLongestTaskMs: 0,
    maxStepMs: 0,
    totalStepMs: 0,
    trace: [],
    cancelledLoads: 0,
  };
  /** The camera-and-engine start in progress; aborted by Stop, Sharp pain, Back and leaving. */
  private loading: AbortController | undefined;
  private readySinceMs: number | undefined;
  private lastSetupHint: SpokenHint | undefined;
  private sessionStartMs = 0;

  constructor() {
    super();
    this.speech.settings = this.settings.voice;
    this.loop.onPose = (p) => this.onPose(p);
    this.loop.onError = (m) => {
      this.engineError = `The pose model failed on a frame: ${m}`;
    };
    this.camera.onEnded = () => this.onCameraEnded();
    this.routine.onStretch = (step) => this.routineStretch(step);
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    globalThis.speechSynthesis?.addEventListener('voiceschanged', this.voicesChanged);
  }

  override disconnectedCallback() {
    window.removeEventListener('keydown', this.onKey);
    this.loading?.abort();
    this.session?.close();
    globalThis.speechSynthesis?.removeEventListener('voiceschanged', this.voicesChanged);
    this.longTasks.stop();
    super.disconnectedCallback();
  }

  private readonly voicesChanged = () => this.requestUpdate();

  // ── Flow ────────────────────────────────────────────────────────────────

  /**
   * Camera, then the engine, then setup help. Cancellable: Stop, Sharp pain
   * or leaving aborts `loading`, and every step after an await checks it, so
   * nothing started here outlives them or takes the screen back.
   */
  private async begin() {
    this.loading?.abort();
    const task = new AbortController();
    this.loading = task;
    const { signal } = task;
    this.stage = 'loading';
    this.engineError = '';
    this.longTasks.start();
    this.loadingText = 'Opening the camera…';
    const stream = await this.camera.start();
    if (!stream || signal.aborted) return; // the camera problem screen shows, or it was stopped
    await this.updateComplete;
    if (signal.aborted) return;
    this.attachVideo();
    try {
      const picked = await chooseEngine(
        this.loop,
        this.settings,
        (text) => {
          if (!signal.aborted) this.loadingText = text;
        },
        signal,
      );
      if (signal.aborted) return;
      this.loadingText = picked.note;
      this.engineNote = picked.note;
    } catch (e) {
      if (signal.aborted || isAbort(e)) return;
      this.engineError = e instanceof Error ? e.message : String(e);
      return;
    } finally {
      if (signal.aborted) this.measures.cancelledLoads++;
    }
    this.readySinceMs = undefined;
    this.loop.wantBrightness = true;
    this.stage = 'setup';
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
    if (this.stage !== 'setup') return;
    this.loop.wantBrightness = false;
    this.storageNote = '';
    this.sessionStartMs = performance.now();
    this.paused = false;
    this.session = new LiveSession({
      exercise: this.exercise,
      twistSide: this.twistSide,
      holdTargetS: this.settings.holdTargetS,
      startMs: this.sessionStartMs,
      describe: (id) => EXERCISE_GUIDES[id],
      isAllowed: (id) => this.isAllowed(id),
      say: (text, safety) => this.speech.say(text, safety),
      onStorageError: (m) => {
        this.storageNote = m;
      },
    });
    Object.assign(this.measures, {
      cueLatencyMs: [],
      poses: 0,
      trace: this.session.trace,
      maxStepMs: 0,
      totalStepMs: 0,
    });
    this.stage = 'live';
  }

  private isAllowed(id: ExerciseId | undefined): boolean {
    return !id || !this.allowed || this.allowed.includes(id);
  }

  private togglePause() {
    if (this.stage !== 'live' || this.camera.status === 'failed') return;
    this.paused = !this.paused;
    this.session?.clearCue(); // a cue from before the pause no longer describes the person
    this.loop.paused = this.paused;
    if (this.paused) this.speech.hush();
    this.speech.say(this.paused ? 'Paused' : 'Resumed');
  }

  /** Ends the session: everything stops and the summary (or the safety advice) shows. */
  private finish(reason: 'done' | 'sharp-pain') {
    if (this.stage !== 'live' && this.stage !== 'setup' && this.stage !== 'loading') return;
    this.loading?.abort();
    const done = this.session?.finish(
      performance.now(),
      reason === 'sharp-pain' ? 'sharp-pain' : undefined,
    );
    // In a routine the camera and model stay on through the rest, ready for the next stretch.
    const resting = this.routine.stretchEnded(reason, done?.holds ?? [], this.settings.holdTargetS);
    if (resting) this.loop.paused = true;
    else {
      this.loop.stop();
      this.camera.stop();
    }
    this.longTasks.stop();
    this.updateTaskMeasures();
    this.summary = {
      exercise: done?.exercise,
      durationMs: this.stage === 'live' ? performance.now() - this.sessionStartMs : 0,
      holds: done?.holds ?? [],
      cues: done?.cues ?? 0,
      holdTargetS: this.settings.holdTargetS,
      stoppedFor: reason,
      saved: false,
    };
    void done?.saved.then(() => {
      if (this.summary && !this.storageNote) this.summary = { ...this.summary, saved: true };
    });
    if (reason === 'sharp-pain') {
      this.speech.hush();
      this.speech.say('Stopping now. Rest, and read the advice on screen.', true);
      this.stage = 'safety';
    } else {
      this.speech.say(
        resting
          ? 'Well done. Rest now; the next stretch is on screen.'
          : 'Session finished. Here is your summary.',
      );
      this.stage = 'summary';
    }
  }

  private onCameraEnded() {
    this.draw(null, undefined); // no stale skeleton over a dead camera
    if (this.stage === 'live') {
      this.paused = true;
      this.loop.paused = true;
      this.speech.say('The camera stopped. Your session is paused.');
    }
  }

  private async retryCamera() {
    if (this.stage === 'loading' && !this.loop.client) {
      void this.begin(); // the camera never opened: start over from it
      return;
    }
    const stream = await this.camera.start();
    if (!stream) return;
    await this.updateComplete;
    this.attachVideo();
    if (this.stage === 'live') {
      this.paused = false;
      this.loop.paused = false;
    }
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
    if (this.engineError && this.stage !== 'loading') this.engineError = ''; // a frame went through again
    if (this.stage === 'setup') this.onSetupPose(p);
    else if (this.stage === 'live' && !this.paused) this.onLivePose(p);
    else if (this.stage === 'loading') this.draw(p.frame, undefined);
  }

  private onSetupPose(p: PoseResult) {
    this.checks = checkSetup(p.frame, p.brightness, this.exercise);
    this.draw(p.frame, undefined);
    const now = performance.now();
    if (setupReady(this.checks)) {
      this.readySinceMs ??= now;
      if (now - this.readySinceMs >= SETUP_STEADY_MS) this.goLive();
      return;
    }
    this.readySinceMs = undefined;
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
    const step = session.onPose(p);
    if (!step) return;
    this.draw(step.smoothed, step);
    const mainMs = performance.now() - t0;
    this.measures.poses = session.poses;
    this.measures.maxStepMs = Math.max(this.measures.maxStepMs, mainMs);
    this.measures.totalStepMs += mainMs;
    this.requestUpdate();
    if (step.cue) {
      // After the render that shows it: frame grab → cue on screen.
      void this.updateComplete.then(() => {
        const latencies = this.measures.cueLatencyMs;
        latencies.push(performance.now() - p.tMs);
        if (latencies.length > LATENCY_LIMIT) latencies.shift();
      });
    }
  }

  private draw(frame: PoseResult['frame'], step: CoachStep | undefined) {
    const canvas = this.overlay;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (frame && (canvas.width !== frame.imageWidth || canvas.height !== frame.imageHeight)) {
      canvas.width = frame.imageWidth;
      canvas.height = frame.imageHeight;
    }
    drawOverlay(ctx, frame, frame ? segmentStatuses(frame, step?.screen) : []);
  }

  // ── Keys and settings ───────────────────────────────────────────────────

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || keyBelongsToControl(e)) return;
    const key = e.key.toLowerCase();
    if (key === 'p') {
      e.preventDefault();
      this.finish('sharp-pain');
    } else if (key === ' ' && this.stage === 'live') {
      e.preventDefault();
      this.togglePause();
    } else if (key === 'enter' && this.stage === 'setup') {
      e.preventDefault();
      this.goLive();
    } else if (key === 'escape' || key === 's') {
      this.finish('done');
    } else if (key === 'v') {
      this.updateSettings({
        ...this.settings,
        voice: { ...this.settings.voice, enabled: !this.settings.voice.enabled },
      });
    } else if (key === 'c') {
      this.acceptRecognized();
    }
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
      ${this.renderStage()}
      <p class="keys">Keys: <kbd>Space</kbd> pause/resume · <kbd>Enter</kbd> start now (setup) ·
        <kbd>S</kbd>/<kbd>Esc</kbd> stop · <kbd>P</kbd> sharp pain · <kbd>V</kbd> voice on/off ·
        <kbd>C</kbd> coach the recognised stretch</p>`;
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
    this.loading?.abort();
    this.loop.stop();
    this.camera.stop();
    this.longTasks.stop();
    this.engineError = '';
    this.summary = undefined;
    this.session?.close();
    this.session = undefined;
    this.routine.clear();
    this.stage = 'choose';
  }

  /** The rest between a routine's stretches, or the routine's summary after its last. */
  private renderRoutineBetween() {
    const r = this.routine.state;
    if (!r) return nothing;
    if (r.phase !== 'rest') return renderRoutineSummary(r);
    return renderRest(r, performance.now(), {
      nextNow: () => this.routine.dispatch({ type: 'next-now' }),
      skip: () => this.routine.dispatch({ type: 'skip' }),
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
    this.summary = undefined;
    this.session?.close();
    this.session = undefined;
    this.checks = [];
    this.readySinceMs = undefined;
    if (this.camera.stream && this.loop.client) {
      this.loop.paused = false;
      this.loop.wantBrightness = true;
      this.longTasks.start();
      this.stage = 'setup';
    } else {
      void this.begin();
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
                    ${this.exercise ? html`<div class="silhouette" aria-hidden="true">${renderSketch(this.exercise, 'The position to take')}</div>` : nothing}
                    <span>${
                      ready
                        ? 'Hold still: starting…'
                        : (firstProblem(this.checks)?.text ??
                          'Fit your whole body inside this frame')
                    }</span></div>`
                : nothing
            }
            ${this.paused ? html`<div class="badge" data-testid="paused">Paused</div>` : nothing}
          </div>
          ${this.renderStatusLine()}
          ${this.renderCaptions()}
        </div>
        <div class="panel">
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
        this.engineError
          ? html`<p class="error" role="alert" data-testid="engine-error">${this.engineError}</p>
            <p>Pick another engine or model in the settings, then start again.</p>
            <button class="primary" data-testid="back-to-settings" @click=${() => this.restart()}>Back to settings</button>`
          : renderStartProgress({
              step: this.camera.status === 'live' ? 'model' : 'camera',
              detail: this.loadingText,
              stop: () => this.finish('done'),
              sharpPain: () => this.finish('sharp-pain'),
            })
      }
    </div>`;
  }

  private renderSetup() {
    return html`<h2 tabindex="-1" data-view-heading>Get set up</h2>
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
        cameraFailed: this.camera.status === 'failed',
        holdTargetS: this.settings.holdTargetS,
        storageNote: this.storageNote,
        isAllowed: (id) => this.isAllowed(id),
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
      ${this.engineNote ? html`<br /><span data-testid="engine-note">${this.engineNote}</span>` : nothing}</p>
      ${this.engineError && this.stage !== 'loading' ? html`<p class="error" role="alert" data-testid="frame-error">${this.engineError}</p>` : nothing}`;
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
    const key = `${this.stage}/${failure}/${this.routine.state?.phase ?? ''}`;
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
    this.measures.longTasks = this.longTasks.count;
    this.measures.longestTaskMs = this.longTasks.longestMs;
    const live = this.sessionStartMs ? this.longTasks.since(this.sessionStartMs) : [];
    this.measures.liveLongTasks = live.length;
    this.measures.liveLongestTaskMs = Math.max(0, ...live.map((t) => t.durationMs));
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
