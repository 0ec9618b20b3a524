/**
 * Carries out what a coach-flow transition asks for (session/coach-flow.ts
 * `FlowEffect`), each by the controller that owns it: camera and engine
 * (coach-start-task.ts), the pose loop, speech, the session and its summary
 * (coach-session.ts), today's routine, the gestures, the mat view. Also
 * keeps the session's paused spans, which the hold timer leaves out.
 * Lifetime: the host's; one session at a time.
 */
import type { Side } from '../core/body-points.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { CoachFlowState, CoachStopReason, FlowEffect } from '../session/coach-flow.ts';
import { PausedTime } from '../session/paused-time.ts';
import type { CameraController } from './camera-controller.ts';
import type { CoachGestureController } from './coach-gesture-controller.ts';
import type { CoachMeasuresRecorder } from './coach-measures.ts';
import type { CoachSessionController } from './coach-session.ts';
import type { CoachStartTask } from './coach-start-task.ts';
import type { LongTaskMonitor } from './long-task-monitor.ts';
import type { MatViewController } from './mat-view-controller.ts';
import type { PoseLoopController } from './pose-loop-controller.ts';
import type { RoutineController } from './routine-controller.ts';
import type { SessionInterruptions } from './session-interruptions.ts';
import type { SpeechController } from './speech-controller.ts';

/** What the person picked for the session about to start. */
export interface SessionChoice {
  exercise: ExerciseId | undefined;
  twistSide: Side;
  holdTargetS: number;
}

export interface CoachEffectsDeps {
  flow: () => CoachFlowState;
  choice: () => SessionChoice;
  starter: Pick<CoachStartTask, 'openCamera' | 'loadEngine' | 'cancel'>;
  camera: Pick<CameraController, 'stop'>;
  loop: Pick<PoseLoopController, 'stop' | 'paused' | 'wantBrightness'>;
  speech: Pick<SpeechController, 'say' | 'hush'>;
  coaching: Pick<CoachSessionController, 'start' | 'end' | 'clear' | 'markSharpPain' | 'session'>;
  routine: Pick<RoutineController, 'dispatch' | 'stretchEnded' | 'clear'>;
  gestures: Pick<CoachGestureController, 'start' | 'end' | 'resumed'>;
  mat: Pick<MatViewController, 'setCoaching' | 'leave'>;
  /** A new start: no setup checks, no frame error left from before. */
  freshStart: () => void;
  interruptions: Pick<SessionInterruptions, 'clear'>;
  longTasks: Pick<LongTaskMonitor, 'start' | 'stop'>;
  meter: Pick<CoachMeasuresRecorder, 'sessionStarted' | 'readTasks'>;
  now?: () => number;
}

export const END_WORDS = {
  rest: 'Well done. Rest now; the next stretch is on screen.',
  summary: 'Session finished. Here is your summary.',
} as const;

export class CoachEffects {
  /** Paused spans of the session under way, left out of the hold timer's time. */
  pausedTime = new PausedTime();
  private readonly now: () => number;

  constructor(private readonly d: CoachEffectsDeps) {
    this.now = d.now ?? (() => performance.now());
  }

  /** Carries out one effect (the flow hands them over in order). */
  perform(effect: FlowEffect): void {
    const d = this.d;
    switch (effect.type) {
      case 'open-camera':
        d.freshStart();
        d.longTasks.start();
        void d.starter.openCamera(effect.run);
        break;
      case 'load-engine':
        void d.starter.loadEngine(effect.run);
        break;
      case 'cancel-start':
        d.starter.cancel();
        break;
      case 'watch-setup':
        d.loop.wantBrightness = true;
        d.loop.paused = false; // a session that ended paused (a stop gesture, Space) left it so
        break;
      case 'start-session':
        this.startSession(effect.atMs);
        break;
      case 'set-paused':
        d.coaching.session?.clearCue(); // a cue from before the pause no longer describes the person
        this.pausedTime.set(effect.paused, this.now());
        d.loop.paused = effect.paused && !effect.keepWatching;
        if (!effect.paused) d.gestures.resumed(); // resumed by hand: "Did it hurt?" no longer stands
        break;
      case 'say':
        d.speech.say(effect.text, effect.safety);
        break;
      case 'hush':
        d.speech.hush();
        break;
      case 'end-session':
        this.endSession(effect.reason, effect.atMs);
        break;
      case 'release':
        this.release();
        break;
      case 'mark-sharp-pain':
        // Sharp pain in a routine's rest: the routine is over, and the stretch just stored closes the day.
        d.routine.dispatch({ type: 'end' });
        d.loop.stop();
        d.camera.stop();
        void d.coaching.markSharpPain();
        break;
    }
  }

  private startSession(atMs: number) {
    const d = this.d;
    const { exercise, twistSide, holdTargetS } = d.choice();
    d.loop.wantBrightness = false;
    this.pausedTime = new PausedTime();
    const session = d.coaching.start({ exercise, twistSide, holdTargetS, atMs });
    d.meter.sessionStarted(session.trace);
    d.gestures.start(exercise);
    void d.mat.setCoaching(true);
  }

  /** The flow ended the session (loading, setup or live): release, store, summarise. */
  private endSession(reason: CoachStopReason, atMs: number) {
    const d = this.d;
    this.endHandsFree();
    const { holdTargetS } = d.choice();
    const flow = d.flow();
    const done = d.coaching.end(reason, atMs, flow.durationMs, holdTargetS);
    // In a routine the camera and model stay on through the rest, ready for the next stretch.
    const resting = d.routine.stretchEnded(reason, done?.holds ?? [], holdTargetS);
    if (resting) d.loop.paused = true;
    else {
      d.loop.stop();
      d.camera.stop();
    }
    d.longTasks.stop();
    d.meter.readTasks(flow.liveSinceMs);
    // The sharp-pain line is the flow's own (it hushes everything first).
    if (reason === 'done') d.speech.say(resting ? END_WORDS.rest : END_WORDS.summary);
  }

  /** The flow went back to choosing (or the page is leaving): everything is let go. */
  private release() {
    const d = this.d;
    d.interruptions.clear();
    this.endHandsFree();
    d.loop.stop();
    d.camera.stop();
    d.longTasks.stop();
    d.freshStart();
    d.coaching.clear();
    d.routine.clear();
  }

  private endHandsFree() {
    this.d.gestures.end();
    void this.d.mat.setCoaching(false);
    void this.d.mat.leave();
  }
}
