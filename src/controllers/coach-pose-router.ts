/**
 * Where what the pose loop reports goes, by the flow's stage: a pose to the
 * setup checks (setup-watch.ts), to the gestures and the live session
 * (timed for `coach.measures`), or, while loading, only to the skeleton; a
 * frame error to the screen until a frame goes through again; a dead or
 * failing worker to the session's interruptions (pause, say so, go on).
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { PoseResult } from '../pose/worker/pose-worker-client.ts';
import type { CoachFlowState } from '../session/coach-flow.ts';
import type { CoachStep } from '../session/coach-pipeline.ts';
import type { CoachGestureController } from './coach-gesture-controller.ts';
import type { CoachMeasuresRecorder } from './coach-measures.ts';
import type { LiveSession } from './live-session.ts';
import type { LoopTrouble } from './pose-loop-controller.ts';
import type { SessionInterruptions } from './session-interruptions.ts';
import type { SetupWatch } from './setup-watch.ts';

export interface CoachPoseRouterDeps {
  flow: () => CoachFlowState;
  /** The stretch picked (setup checks differ per stretch). */
  exercise: () => ExerciseId | undefined;
  setup: SetupWatch;
  gestures: CoachGestureController;
  session: () => Pick<LiveSession, 'onPose' | 'poses'> | undefined;
  /** Camera time → session time, leaving paused spans out (session/paused-time.ts). */
  sessionMs: (tMs: number) => number;
  draw: (frame: PoseResult['frame'], step: CoachStep | undefined) => void;
  meter: Pick<CoachMeasuresRecorder, 'step' | 'cueShown'>;
  interruptions: Pick<SessionInterruptions, 'interrupt' | 'end' | 'fail'>;
  requestUpdate: () => void;
  /** Resolves after the render that follows a request. */
  rendered: () => Promise<unknown>;
  now?: () => number;
}

export const FRAME_ERROR_PREFIX = 'The pose model failed on a frame: ';

export class CoachPoseRouter {
  /** The last frame's engine error ('' once a frame goes through again). */
  engineError = '';
  private readonly now: () => number;

  constructor(private readonly d: CoachPoseRouterDeps) {
    this.now = d.now ?? (() => performance.now());
  }

  onPose(p: PoseResult): void {
    if (this.engineError) this.clearError(); // a frame went through again
    const { stage } = this.d.flow();
    if (stage === 'setup') this.d.setup.onPose(p, this.d.exercise());
    else if (stage === 'live') {
      if (!this.d.gestures.watch(p)) return;
      this.onLivePose(p);
      this.d.gestures.offerRecognized(p.tMs);
    } else if (stage === 'loading') this.d.draw(p.frame, undefined);
  }

  onError(message: string): void {
    this.engineError = FRAME_ERROR_PREFIX + message;
    this.d.requestUpdate();
  }

  /** The pose worker died or its engine keeps failing (pose-loop-controller.ts). */
  onTrouble(t: LoopTrouble): void {
    const { interruptions } = this.d;
    if (t.kind === 'lost') {
      this.clearError();
      interruptions.interrupt('model', t.message, t.sinceMs);
    } else if (t.kind === 'back') interruptions.end('model', t.message);
    else interruptions.fail(t.message);
  }

  clearError(): void {
    this.engineError = '';
    this.d.requestUpdate();
  }

  private onLivePose(p: PoseResult) {
    const d = this.d;
    const session = d.session();
    if (!session) return;
    const t0 = this.now();
    // Session time: paused spans (Space, a hidden tab, a model restart) are no gap in a hold.
    const step = session.onPose({ ...p, tMs: d.sessionMs(p.tMs) });
    if (!step) return;
    d.draw(step.smoothed, step);
    d.meter.step(this.now() - t0, session.poses);
    d.requestUpdate();
    if (step.cue) {
      // After the render that shows it: frame capture → cue on screen.
      void d.rendered().then(() => d.meter.cueShown(this.now() - p.tMs));
    }
  }
}
