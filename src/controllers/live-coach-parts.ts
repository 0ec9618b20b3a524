/**
 * The live coach's controllers, made and joined in one place so the element
 * (ui/live-session/live-coach.ts) only renders: the flow's effects go to
 * `effects`, the pose loop's reports to `poses`, buttons and keys to `act`,
 * the routine's next stretch to its hand-over. Each part depends on the
 * others only through the narrow functions handed to it here.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Side } from '../core/body-points.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { PoseResult } from '../pose/worker/pose-worker-client.ts';
import type { CoachStep } from '../session/coach-pipeline.ts';
import { EXERCISE_GUIDES } from '../ui/exercise-card/exercise-guides.ts';
import { drawOnCanvas } from '../ui/live-session/draw-overlay.ts';
import { segmentStatuses } from '../ui/live-session/segment-status.ts';
import { CameraController } from './camera-controller.ts';
import { CoachCameraLink } from './coach-camera-link.ts';
import { CoachCommands } from './coach-commands.ts';
import { CoachEffects } from './coach-effects.ts';
import { CoachFlowController } from './coach-flow-controller.ts';
import { CoachGestureController } from './coach-gesture-controller.ts';
import { CoachKeysController } from './coach-keys-controller.ts';
import { CoachMeasuresRecorder } from './coach-measures.ts';
import { CoachPoseRouter } from './coach-pose-router.ts';
import { CoachSessionController } from './coach-session.ts';
import { CoachSettingsController } from './coach-settings-controller.ts';
import { CoachStartTask } from './coach-start-task.ts';
import { LongTaskMonitor } from './long-task-monitor.ts';
import { MatViewController } from './mat-view-controller.ts';
import { PageVisibilityController } from './page-visibility.ts';
import { PoseLoopController } from './pose-loop-controller.ts';
import { RoutineController } from './routine-controller.ts';
import { handOverRoutineStretch } from './routine-hand-over.ts';
import { SessionInterruptions } from './session-interruptions.ts';
import { SetupWatch } from './setup-watch.ts';
import { SingleTabLock } from './single-tab-lock.ts';
import { SpeechController } from './speech-controller.ts';
import { ViewFocusController } from './view-focus-controller.ts';

/** What the parts need of the element. */
export interface LiveCoachHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The stretches the safety check opened today (undefined: all). */
  readonly allowed: readonly ExerciseId[] | undefined;
}

/** The stretch and twist side picked (by the person, or by the routine). */
export interface CoachPick {
  exercise: ExerciseId | undefined;
  twistSide: Side;
}

export class LiveCoachParts {
  pick: CoachPick = { exercise: 'foam-roller', twistSide: 'left' };

  readonly camera: CameraController;
  readonly loop: PoseLoopController;
  readonly speech: SpeechController;
  readonly longTasks = new LongTaskMonitor();
  readonly flow: CoachFlowController;
  readonly mat: MatViewController;
  readonly routine: RoutineController;
  readonly tabLock: SingleTabLock;
  readonly settings: CoachSettingsController;
  readonly coaching: CoachSessionController;
  readonly meter: CoachMeasuresRecorder;
  readonly interruptions: SessionInterruptions;
  readonly gestures: CoachGestureController;
  readonly setup: SetupWatch;
  readonly poses: CoachPoseRouter;
  readonly cameraLink: CoachCameraLink;
  readonly effects: CoachEffects;
  readonly act: CoachCommands;

  constructor(private readonly host: LiveCoachHost) {
    // Made in this order: hostConnected/hostDisconnected run in it (the flow's restart after the camera's stop).
    this.camera = new CameraController(host);
    this.loop = new PoseLoopController(host);
    this.speech = new SpeechController(host);
    this.flow = new CoachFlowController(host, (e) => this.effects.perform(e));
    const { camera, loop, speech, flow } = this;
    this.mat = new MatViewController(host);
    this.routine = new RoutineController(host);
    this.tabLock = new SingleTabLock(host);
    const visibility = new PageVisibilityController(host);
    this.settings = new CoachSettingsController(host, speech);
    const dispatch = flow.dispatch.bind(flow);
    const state = () => flow.state;
    const update = () => host.requestUpdate();
    const say = (text: string, safety?: boolean) => speech.say(text, safety);
    const isAllowed = (id: ExerciseId | undefined) => this.isAllowed(id);
    this.coaching = new CoachSessionController(host, {
      describe: (id) => EXERCISE_GUIDES[id],
      isAllowed,
      say,
    });
    const session = () => this.coaching.session;
    this.meter = new CoachMeasuresRecorder(this.longTasks);
    this.interruptions = new SessionInterruptions({
      flow: state,
      dispatch,
      clearCue: () => {
        session()?.clearCue();
        this.draw(null, undefined);
      },
      say,
      pausedTime: () => this.effects.pausedTime,
      setLoopPaused: (paused) => {
        loop.paused = paused;
      },
      requestUpdate: update,
    });
    this.gestures = new CoachGestureController({
      flow: state,
      dispatch,
      session,
      say,
      hush: () => speech.hush(),
      cameraFailed: () => camera.status === 'failed',
      isAllowed,
      accept: () => this.act.accept(),
      focusHurt: () =>
        void host.updateComplete.then(() =>
          host.renderRoot?.querySelector<HTMLElement>('#hurt-h')?.focus(),
        ),
      requestUpdate: update,
    });
    this.setup = new SetupWatch({
      dispatch,
      say,
      draw: (frame) => this.draw(frame, undefined),
      requestUpdate: update,
    });
    this.poses = new CoachPoseRouter({
      flow: state,
      exercise: () => this.pick.exercise,
      setup: this.setup,
      gestures: this.gestures,
      session,
      sessionMs: (tMs) => this.effects.pausedTime.sessionMs(tMs),
      draw: (frame, step) => this.draw(frame, step),
      meter: this.meter,
      interruptions: this.interruptions,
      requestUpdate: update,
      rendered: () => host.updateComplete,
    });
    new ViewFocusController(
      host,
      () => this.viewKey(),
      () => host.renderRoot,
    );
    this.cameraLink = new CoachCameraLink(host, {
      camera,
      loop,
      video: () => host.renderRoot?.querySelector('video'),
      flow: state,
      dispatch,
      clearOverlay: () => this.draw(null, undefined),
    });
    const starter = new CoachStartTask({
      camera,
      loop,
      settings: () => this.settings.value,
      attach: () => this.cameraLink.attachRendered(),
      dispatch,
      counts: this.meter.values,
    });
    this.effects = new CoachEffects({
      flow: state,
      choice: () => ({ ...this.pick, holdTargetS: this.settings.value.holdTargetS }),
      starter,
      camera,
      loop,
      speech,
      coaching: this.coaching,
      routine: this.routine,
      gestures: this.gestures,
      mat: this.mat,
      freshStart: () => {
        this.poses.clearError();
        this.setup.reset();
      },
      interruptions: this.interruptions,
      longTasks: this.longTasks,
      meter: this.meter,
    });
    const act = new CoachCommands({
      host,
      flow: state,
      dispatch,
      session,
      routine: this.routine,
      gestures: this.gestures,
      releaseCamera: () => {
        loop.stop();
        camera.stop();
      },
      hush: () => speech.hush(),
      requestUpdate: update,
    });
    this.act = act;
    new CoachKeysController(
      host,
      () =>
        this.tabLock.state === 'elsewhere'
          ? undefined
          : { stage: flow.state.stage, matActive: this.mat.active },
      {
        'sharp-pain': act.sharpPain,
        pause: act.togglePause,
        'start-now': act.goLive,
        'leave-mat': () => void this.mat.leave(),
        mat: () => void this.mat.toggle(),
        decline: act.decline,
        stop: act.stop,
        voice: () => this.settings.toggleVoice(),
        accept: act.accept,
      },
    );

    loop.onPose = (p) => this.poses.onPose(p);
    loop.onError = (m) => this.poses.onError(m);
    loop.onTrouble = (t) => this.poses.onTrouble(t);
    visibility.onChange = (hidden) => this.interruptions.tabHidden(hidden, performance.now());
    this.tabLock.onLost = act.standDown;
    this.routine.onStretch = (step) =>
      handOverRoutineStretch(step, {
        pick: (exercise, side) => this.choose({ exercise, ...(side ? { twistSide: side } : {}) }),
        clearLast: () => {
          this.coaching.clear();
          this.setup.reset();
        },
        running: () => !!camera.stream && !!loop.client,
        startLongTasks: () => this.longTasks.start(),
        dispatch,
      });
  }

  /** A stretch or side picked: shown at once. */
  choose(change: Partial<CoachPick>): void {
    this.pick = { ...this.pick, ...change };
    this.host.requestUpdate();
  }

  isAllowed(id: ExerciseId | undefined): boolean {
    const { allowed } = this.host;
    return !id || !allowed || allowed.includes(id);
  }

  /** Names the view on screen, so focus moves to its heading when it changes. */
  private viewKey(): string {
    const failure = this.camera.status === 'failed' ? this.camera.failure?.kind : '';
    return `${this.flow.state.stage}/${failure}/${this.routine.state?.phase ?? ''}/${this.tabLock.state === 'elsewhere'}`;
  }

  /** The skeleton on the overlay canvas, coloured by the step's verdict (none: uncoloured). */
  private draw(frame: PoseResult['frame'], step: CoachStep | undefined) {
    const canvas = this.host.renderRoot?.querySelector('canvas') ?? undefined;
    drawOnCanvas(canvas, frame, frame ? segmentStatuses(frame, step?.screen) : []);
  }
}
