import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '../camera-problem/camera-problem.ts';
import '../exercise-card/exercise-card.ts';
import '../hold-ring/hold-ring.ts';
import '../safety-advice/safety-advice.ts';
import '../settings/coach-settings-panel.ts';
import { CameraController } from '../../controllers/camera-controller.ts';
import { chooseEngine } from '../../controllers/choose-engine.ts';
import {
  type CoachSettings,
  loadCoachSettings,
  saveCoachSettings,
} from '../../controllers/coach-settings.ts';
import { LongTaskMonitor } from '../../controllers/long-task-monitor.ts';
import { PoseLoopController } from '../../controllers/pose-loop-controller.ts';
import { SessionRecorder } from '../../controllers/session-recorder.ts';
import { SpeechController } from '../../controllers/speech-controller.ts';
import type { Side } from '../../core/body-points.ts';
import { EXERCISE_IDS, type ExerciseId } from '../../exercises/exercise-ids.ts';
import { cueDefinition } from '../../feedback/cue-vocabulary.ts';
import type { CueEvent } from '../../feedback/feedback-policy.ts';
import type { PoseResult } from '../../pose/worker/pose-worker-client.ts';
import { type CoachHold, CoachPipeline, type CoachStep } from '../../session/coach-pipeline.ts';
import { EXERCISE_GUIDES } from '../exercise-card/exercise-guides.ts';
import { checkSetup, type SetupCheck, setupReady } from '../setup/setup-check.ts';
import { drawOverlay } from './draw-overlay.ts';
import { liveCoachStyles } from './live-coach-styles.ts';
import { segmentStatuses } from './segment-status.ts';
import { renderSummary, type SessionSummary } from './session-summary.ts';

type Stage = 'choose' | 'loading' | 'setup' | 'live' | 'summary' | 'safety';

/** Setup must look right this long before the coach starts by itself, ms. */
export const SETUP_STEADY_MS = 1500;
/** Seconds before the hold target at which the remaining time is spoken. */
export const COUNTDOWN_MARKS_S = [10, 5] as const;
/** A setup hint is spoken at most this often, ms. */
const SETUP_SPEAK_EVERY_MS = 6000;

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
  /** The last TRACE_LIMIT live steps: form verdict and hold time, for checking the timer. */
  trace: { tMs: number; formGood: boolean | undefined; heldMs: number; raised: string[] }[];
}

/** Steps kept in `measures.trace` (a bounded window, ~1 min at 10 fps). */
export const TRACE_LIMIT = 600;

/**
 * The live coach: choose a stretch (or let it be recognised), camera and
 * model, setup help, then the live session (video with a coloured skeleton,
 * the cue, hold ring, live numbers, spoken cues with captions) and a summary
 * of the holds; "sharp pain" ends at once with the safety advice. Thin:
 * camera, pose loop, speech and timing live in controllers; the per-frame
 * rules in CoachPipeline.
 */
@customElement('sw-live-coach')
export class LiveCoach extends LitElement {
  static override styles = liveCoachStyles;

  readonly camera = new CameraController(this);
  readonly loop = new PoseLoopController(this);
  readonly speech = new SpeechController(this);
  private readonly longTasks = new LongTaskMonitor();
  private recorder: SessionRecorder | undefined;

  /**
   * The stretches the safety check opened for today (issue 6's gate);
   * undefined = all. Others are shown but cannot be started or coached.
   */
  @property({ attribute: false }) allowed: ExerciseId[] | undefined;

  @state() private stage: Stage = 'choose';
  @state() private exercise: ExerciseId | undefined = 'foam-roller';
  @state() private twistSide: Side = 'left';
  @state() private settings: CoachSettings = loadCoachSettings();
  @state() private loadingText = '';
  @state() private engineError = '';
  @state() private checks: SetupCheck[] = [];
  @state() private step: CoachStep | undefined;
  @state() private cue: CueEvent | undefined;
  @state() private paused = false;
  @state() private summary: SessionSummary | undefined;
  @state() private storageNote = '';
  /** The twist's hold reached its target on this side: time to switch. */
  @state() private switchDue = false;
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
  };
  private pipeline: CoachPipeline | undefined;
  /** Holds of earlier pipelines in this session (the twist's first side). */
  private earlierHolds: CoachHold[] = [];
  private readySinceMs: number | undefined;
  private lastSetupSpokenMs = Number.NEGATIVE_INFINITY;
  private announcedHoldMs: number | undefined;
  /** The recognised exercise last announced (said once, not every frame). */
  private announcedRecognition: ExerciseId | undefined;
  /** Countdown marks already spoken, as `holdStart:mark`. */
  private readonly countedDown = new Set<string>();
  private sessionStartMs = 0;
  private cueCount = 0;
  /** "Ease off" cues given (the checker saw forcing): stored with the session. */
  private forcingCount = 0;
  private recordedHolds = 0;

  constructor() {
    super();
    this.speech.settings = this.settings.voice;
    this.loop.onPose = (p) => this.onPose(p);
    this.loop.onError = (m) => {
      this.engineError = `The pose model failed on a frame: ${m}`;
    };
    this.camera.onEnded = () => this.onCameraEnded();
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    globalThis.speechSynthesis?.addEventListener('voiceschanged', this.voicesChanged);
  }

  override disconnectedCallback() {
    window.removeEventListener('keydown', this.onKey);
    this.recorder?.close();
    this.recorder = undefined;
    globalThis.speechSynthesis?.removeEventListener('voiceschanged', this.voicesChanged);
    this.longTasks.stop();
    super.disconnectedCallback();
  }

  private readonly voicesChanged = () => this.requestUpdate();

  // ── Flow ────────────────────────────────────────────────────────────────

  /** Camera, then the engine, then setup help. */
  private async begin() {
    this.stage = 'loading';
    this.engineError = '';
    this.longTasks.start();
    this.loadingText = 'Opening the camera…';
    const stream = await this.camera.start();
    if (!stream) return; // the camera problem screen shows
    await this.updateComplete;
    this.attachVideo();
    try {
      const picked = await chooseEngine(this.loop, this.settings, (text) => {
        this.loadingText = text;
      });
      this.loadingText = picked.note;
      this.engineNote = picked.note;
    } catch (e) {
      this.engineError = e instanceof Error ? e.message : String(e);
      return;
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
    this.newPipeline();
    this.earlierHolds = [];
    this.cueCount = 0;
    this.forcingCount = 0;
    this.recordedHolds = 0;
    this.storageNote = '';
    this.measures.cueLatencyMs = [];
    this.measures.poses = 0;
    this.measures.trace = [];
    this.announcedRecognition = undefined;
    this.measures.maxStepMs = 0;
    this.measures.totalStepMs = 0;
    this.sessionStartMs = performance.now();
    this.cue = undefined;
    this.paused = false;
    this.stage = 'live';
    if (this.exercise) this.startRecording(this.exercise);
    this.speech.say(
      this.exercise
        ? `${EXERCISE_GUIDES[this.exercise].title}. Let's start.`
        : 'Start your stretch; I will recognise it.',
    );
  }

  private startRecording(exercise: ExerciseId) {
    this.recorder?.close();
    const recorder = new SessionRecorder();
    recorder.onError = (m) => {
      this.storageNote = m;
    };
    recorder.start(exercise, this.sessionStartMs);
    this.recorder = recorder;
  }

  private isAllowed(id: ExerciseId | undefined): boolean {
    return !id || !this.allowed || this.allowed.includes(id);
  }

  private newPipeline() {
    if (this.pipeline) this.earlierHolds.push(...this.pipeline.end());
    this.pipeline = new CoachPipeline(
      this.exercise,
      this.exercise === 'seated-twist' ? { side: this.twistSide } : {},
    );
    this.announcedHoldMs = undefined;
    this.countedDown.clear();
    this.switchDue = false;
  }

  private togglePause() {
    if (this.stage !== 'live' || this.camera.status === 'failed') return;
    this.paused = !this.paused;
    this.cue = undefined; // a cue from before the pause no longer describes the person
    this.loop.paused = this.paused;
    if (this.paused) this.speech.hush();
    this.speech.say(this.paused ? 'Paused' : 'Resumed');
  }

  /** Ends the session: everything stops and the summary (or the safety advice) shows. */
  private finish(reason: 'done' | 'sharp-pain') {
    if (this.stage !== 'live' && this.stage !== 'setup' && this.stage !== 'loading') return;
    this.loop.stop();
    this.camera.stop();
    this.longTasks.stop();
    this.updateTaskMeasures();
    const holds = [...this.earlierHolds, ...(this.pipeline?.end() ?? [])];
    const recorder = this.recorder;
    this.recorder = undefined;
    if (recorder) {
      recorder.update(holds, this.forcingCount);
      void recorder
        .finish(performance.now(), reason === 'sharp-pain' ? 'sharp-pain' : undefined)
        .then(() => {
          if (this.summary && !this.storageNote) this.summary = { ...this.summary, saved: true };
        })
        .finally(() => recorder.close());
    }
    this.summary = {
      exercise: this.pipeline?.exercise,
      durationMs: this.stage === 'live' ? performance.now() - this.sessionStartMs : 0,
      holds,
      cues: this.cueCount,
      holdTargetS: this.settings.holdTargetS,
      stoppedFor: reason,
      saved: false,
    };
    this.pipeline = undefined;
    if (reason === 'sharp-pain') {
      this.speech.hush();
      this.speech.say('Stopping now. Rest, and read the advice on screen.', true);
      this.stage = 'safety';
    } else {
      this.speech.say('Session finished. Here is your summary.');
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
    const stream = await this.camera.start();
    if (!stream) return;
    await this.updateComplete;
    this.attachVideo();
    if (this.stage === 'live') {
      this.paused = false;
      this.loop.paused = false;
    } else if (this.stage === 'loading' && !this.loop.client) {
      void this.begin();
    }
  }

  private acceptRecognized() {
    const id = this.step?.recognized;
    if (this.stage !== 'live' || this.exercise || !id || !this.isAllowed(id)) return;
    this.exercise = id;
    this.newPipeline();
    this.startRecording(id);
    this.speech.say(`Coaching ${EXERCISE_GUIDES[id].title}.`);
  }

  private switchSide() {
    this.switchDue = false;
    this.twistSide = this.twistSide === 'left' ? 'right' : 'left';
    this.newPipeline();
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
    const first = this.checks.find((c) => c.ok === false);
    if (first && now - this.lastSetupSpokenMs >= SETUP_SPEAK_EVERY_MS) {
      this.lastSetupSpokenMs = now;
      this.speech.say(first.text);
    }
  }

  private onLivePose(p: PoseResult) {
    const t0 = performance.now();
    const step = this.pipeline?.step(p.frame, p.tMs);
    if (!step) return;
    this.measures.poses++;
    this.measures.trace.push({
      tMs: step.tMs,
      formGood: step.verdict?.formGood,
      heldMs: step.activeHold?.heldMs ?? 0,
      raised: step.verdict?.raised ?? [],
    });
    if (this.measures.trace.length > TRACE_LIMIT) this.measures.trace.shift();
    this.step = step;
    if (step.recognized && step.recognized !== this.announcedRecognition) {
      this.announcedRecognition = step.recognized;
      this.speech.say(
        this.isAllowed(step.recognized)
          ? `This looks like ${EXERCISE_GUIDES[step.recognized].title}. Press C to coach it.`
          : `This looks like ${EXERCISE_GUIDES[step.recognized].title}, which your safety check did not open for today.`,
      );
    }
    this.draw(step.smoothed, step);
    const mainMs = performance.now() - t0;
    this.measures.maxStepMs = Math.max(this.measures.maxStepMs, mainMs);
    this.measures.totalStepMs += mainMs;
    if (step.cue) {
      const def = cueDefinition(step.cue.code);
      this.cue = step.cue;
      this.cueCount++;
      if (step.cue.code === 'ease-off') this.forcingCount++;
      this.speech.say(def.text, def.priority === 'safety');
      // After the render that shows it: grab → cue on screen.
      void this.updateComplete.then(() =>
        this.measures.cueLatencyMs.push(performance.now() - p.tMs),
      );
    }
    const holdsNow = this.earlierHolds.length + (this.pipeline?.holds.length ?? 0);
    if (holdsNow !== this.recordedHolds) {
      this.recordedHolds = holdsNow;
      this.recorder?.update(
        [...this.earlierHolds, ...(this.pipeline?.holds ?? [])],
        this.forcingCount,
      );
    }
    const hold = step.activeHold;
    const target = this.settings.holdTargetS * 1000;
    if (hold) this.countDown(hold.startMs, target - hold.heldMs);
    if (hold && hold.heldMs >= target && this.announcedHoldMs !== hold.startMs) {
      this.announcedHoldMs = hold.startMs;
      const guide = this.exercise ? EXERCISE_GUIDES[this.exercise] : undefined;
      if (this.exercise === 'seated-twist') this.switchDue = true;
      this.speech.say(
        this.exercise === 'seated-twist'
          ? `${this.settings.holdTargetS} seconds. Well done. Now the other side: twist toward your ${this.twistSide === 'left' ? 'right' : 'left'} knee.`
          : `${this.settings.holdTargetS} seconds. Well done. Rest, then ${guide?.holdWord === 'pause' ? 'roll to the next spot' : 'go again'}.`,
      );
    }
  }

  /** Speaks "10 seconds to go" and "5" once each per hold, as the good-form time nears the target. */
  private countDown(holdStartMs: number, remainingMs: number) {
    const mark = COUNTDOWN_MARKS_S.find(
      (m) => remainingMs <= m * 1000 && remainingMs > (m - 1) * 1000,
    );
    if (mark === undefined) return;
    const key = `${holdStartMs}:${mark}`;
    if (this.countedDown.has(key)) return;
    this.countedDown.add(key);
    this.speech.say(mark === 10 ? '10 seconds to go' : String(mark));
  }

  private draw(frame: PoseResult['frame'], step: CoachStep | undefined) {
    const canvas = this.overlay;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (frame && (canvas.width !== frame.imageWidth || canvas.height !== frame.imageHeight)) {
      canvas.width = frame.imageWidth;
      canvas.height = frame.imageHeight;
    }
    drawOverlay(ctx, frame, frame ? segmentStatuses(frame, step?.verdict) : []);
  }

  // ── Keys and settings ───────────────────────────────────────────────────

  private readonly onKey = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const typing = target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'p') {
      e.preventDefault();
      this.finish('sharp-pain');
    } else if (typing) {
      return;
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
      <div class="sr-only" aria-live="assertive" data-testid="cue-live">${this.cue ? cueDefinition(this.cue.code).text : ''}</div>
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
          ? html`${renderSummary(this.summary, () => this.restart())}
            ${this.storageNote ? html`<p class="note" role="status">${this.storageNote}</p>` : nothing}`
          : nothing;
      case 'safety':
        return html`<sw-safety-advice reason="sharp-pain" @sw-advice-dismiss=${() => this.restart()}></sw-safety-advice>
          ${this.summary ? renderSummary(this.summary, () => this.restart(), true) : nothing}`;
      default:
        return this.renderCameraStage();
    }
  }

  /** Back to choosing a stretch; releases the camera and the model if still held. */
  private restart() {
    this.loop.stop();
    this.camera.stop();
    this.longTasks.stop();
    this.engineError = '';
    this.summary = undefined;
    this.step = undefined;
    this.cue = undefined;
    this.stage = 'choose';
  }

  private renderChoose() {
    const pick = (id: ExerciseId | undefined) => () => {
      this.exercise = id;
    };
    return html`<section aria-labelledby="choose-h">
      <h2 id="choose-h">Live coach</h2>
      <div class="choices" role="group" aria-label="Stretch">
        ${EXERCISE_IDS.map(
          (
            id,
          ) => html`<button class="choice" data-testid=${`choose-${id}`} aria-pressed=${this.exercise === id}
            ?disabled=${!this.isAllowed(id)} @click=${pick(id)}>
            <strong>${EXERCISE_GUIDES[id].title}</strong>${
              this.isAllowed(id) ? EXERCISE_GUIDES[id].camera : 'Not today: see your safety check.'
            }</button>`,
        )}
        <button class="choice" data-testid="choose-recognise" aria-pressed=${this.exercise === undefined} @click=${pick(undefined)}>
          <strong>Just start</strong>Begin any of the three; the coach recognises it and offers to coach it.</button>
      </div>
      ${
        this.exercise === 'seated-twist'
          ? html`<div class="row" role="group" aria-label="Bent knee">Bent knee (twist toward it):
            ${(['left', 'right'] as const).map(
              (s) =>
                html`<button aria-pressed=${this.twistSide === s} data-testid=${`twist-${s}`} @click=${() => {
                  this.twistSide = s;
                }}>${s}</button>`,
            )}</div>`
          : nothing
      }
      ${this.exercise ? html`<sw-exercise-card exercise=${this.exercise}></sw-exercise-card>` : nothing}
      <div class="row">
        <button class="primary" data-testid="start-camera" ?disabled=${!this.isAllowed(this.exercise)}
          @click=${() => void this.begin()}>Start the camera</button>
        <span>The video stays on this device.</span>
      </div>
      <details><summary>Settings</summary>
        <sw-coach-settings .settings=${this.settings} .voices=${this.speech.voices()}
          @sw-settings-change=${(e: CustomEvent<CoachSettings>) => this.updateSettings(e.detail)}></sw-coach-settings>
      </details>
    </section>`;
  }

  private renderCameraStage() {
    const failure = this.camera.status === 'failed' ? this.camera.failure : undefined;
    if (failure && this.stage !== 'live') {
      return html`<sw-camera-problem .failure=${failure} @sw-camera-retry=${() => void this.retryCamera()}></sw-camera-problem>`;
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
                ? html`<div class="guide ${ready ? 'ok' : ''}" data-testid="setup-guide"><span>${
                    ready
                      ? 'Hold still: starting…'
                      : (this.checks.find((c) => c.ok === false)?.text ??
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
    return html`<div role="status" data-testid="loading">
      ${
        this.engineError
          ? html`<p class="error" role="alert" data-testid="engine-error">${this.engineError}</p>
            <p>Pick another engine or model in the settings, then start again.</p>
            <button class="primary" data-testid="back-to-settings" @click=${() => this.restart()}>Back to settings</button>`
          : html`<p>${this.loadingText}</p>`
      }
    </div>`;
  }

  private renderSetup() {
    return html`<h2>Get set up</h2>
      <ul class="checks" data-testid="setup-checks" aria-live="polite">
        ${this.checks.map(
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
    const step = this.step;
    const m = step?.features;
    const def = this.cue ? cueDefinition(this.cue.code) : undefined;
    const heldS = (step?.activeHold?.heldMs ?? 0) / 1000;
    const holds = [...this.earlierHolds, ...(this.pipeline?.holds ?? [])];
    const noChecker = this.exercise && !this.pipeline?.checker;
    const rotation =
      m?.torsoRotationDeg !== undefined
        ? `${Math.round(m.torsoRotationDeg)}° ± ${Math.round(m.torsoRotationUncertaintyDeg ?? 0)}°`
        : '—';
    const hip = step?.verdict?.metrics.hipHeightThighs ?? m?.hipHeightThighs;
    const rollerAt = step?.verdict?.metrics.rollerAt;
    return html`
      <div class="cue ${def?.priority === 'safety' ? 'safety' : ''} ${def && !this.paused ? '' : 'quiet'}" data-testid="cue" data-code=${this.paused ? '' : (this.cue?.code ?? '')}>
        ${
          this.paused
            ? 'Paused. Press Space to go on.'
            : def
              ? def.text
              : this.exercise
                ? 'Watching your form…'
                : 'Start your stretch…'
        }</div>
      ${
        !this.exercise
          ? html`<div class="offer" data-testid="recognise">${
              step?.recognized
                ? this.isAllowed(step.recognized)
                  ? html`Looks like <strong>${EXERCISE_GUIDES[step.recognized].title}</strong>.
                    <button class="primary" data-testid="accept-recognised" @click=${() => this.acceptRecognized()}>Coach it <kbd>C</kbd></button>`
                  : html`Looks like <strong>${EXERCISE_GUIDES[step.recognized].title}</strong>, which your safety check did not open for today.`
                : 'Recognising your stretch…'
            }</div>`
          : nothing
      }
      ${noChecker ? html`<p class="note" data-testid="no-checker">Form rules for this stretch are not ready yet: you see your skeleton and numbers, but no cues or hold timer.</p>` : nothing}
      ${
        this.exercise
          ? html`      <div class="ring-row">
        <sw-hold-ring .seconds=${heldS} .target=${this.settings.holdTargetS} data-testid="hold-ring" data-held-ms=${Math.round(step?.activeHold?.heldMs ?? 0)}></sw-hold-ring>
        <div>
          ${
            this.exercise === 'seated-twist'
              ? html`<div class="side ${this.switchDue ? 'due' : ''}" data-testid="side">Twisting toward your <strong>${this.twistSide}</strong> knee
                  ${this.switchDue ? html`<p data-testid="switch-prompt">Target reached: now the other side.</p>` : nothing}
                  <button class=${this.switchDue ? 'primary' : ''} data-testid="switch-side" @click=${() => this.switchSide()}>
                    Switch to ${this.twistSide === 'left' ? 'right' : 'left'}</button></div>`
              : nothing
          }
          <p data-testid="hold-count">${this.exercise === 'foam-roller' ? 'Pauses' : 'Holds'}: <strong>${holds.length}</strong></p>
        </div>
      </div>
      <dl class="numbers" data-testid="numbers">
        ${
          this.exercise === 'seated-twist'
            ? html`<dt>Torso rotation</dt><dd data-testid="rotation">${rotation}</dd>`
            : html`<dt>Hip lift</dt><dd data-testid="hip-lift">${hip !== undefined ? `${hip.toFixed(2)} thigh lengths` : '—'}</dd>`
        }
        ${
          this.exercise === 'foam-roller'
            ? html`<dt>Roller at</dt><dd data-testid="roller-at">${rollerAt !== undefined ? `${Math.round(rollerAt * 100)}% down the back` : '—'}</dd>`
            : nothing
        }
        <dt>Phase</dt><dd data-testid="phase">${step?.verdict?.phase ?? '—'}</dd>
      </dl>`
          : nothing
      }
      ${this.storageNote ? html`<p class="note" role="status" data-testid="storage-note">${this.storageNote}</p>` : nothing}
      <div class="controls">
        <button data-testid="pause" ?disabled=${this.camera.status === 'failed'} @click=${() => this.togglePause()}>${this.paused ? 'Resume' : 'Pause'} <kbd>Space</kbd></button>
        <button data-testid="stop" @click=${() => this.finish('done')}>Stop <kbd>S</kbd></button>
        <button class="danger" data-testid="sharp-pain" @click=${() => this.finish('sharp-pain')}>Sharp pain <kbd>P</kbd></button>
      </div>`;
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

  protected override updated() {
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
}
