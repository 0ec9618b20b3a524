/**
 * Hands-free control of a live session, carried out: every live pose
 * (paused or not) goes to the gesture detector, and each gesture's answer
 * (session/coach-gestures.ts: flow event, words, "Did it hurt?") is done
 * here; while the stretch is still being recognised, the accept countdown
 * runs, is announced, and coaches the stretch when it ends unless declined.
 * Lifetime: `start()` with each live session, `end()` when it ends.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { GestureEvent } from '../exercises/pose-gestures.ts';
import type { PoseResult } from '../pose/worker/pose-worker-client.ts';
import type { CoachFlowState, FlowEvent } from '../session/coach-flow.ts';
import { countdownBegan, GESTURE_WORDS, gestureResponse } from '../session/coach-gestures.ts';
import { HandsFreeController } from './hands-free-controller.ts';
import type { LiveSession } from './live-session.ts';

export interface CoachGestureDeps {
  flow: () => CoachFlowState;
  dispatch: (event: FlowEvent) => void;
  session: () => Pick<LiveSession, 'exercise' | 'step' | 'clearCue'> | undefined;
  say: (text: string, safety?: boolean) => void;
  hush: () => void;
  /** The camera stopped: a pose never resumes then, only Try again. */
  cameraFailed: () => boolean;
  isAllowed: (id: ExerciseId | undefined) => boolean;
  /** Coach the recognised stretch now (what C does). */
  accept: () => void;
  /** "Did it hurt?" went on screen: its heading takes the focus once rendered. */
  focusHurt: () => void;
  requestUpdate: () => void;
}

export class CoachGestureController {
  /** Gestures and the countdown of the session under way (undefined: none). */
  handsFree: HandsFreeController | undefined;
  /** The stop gesture halted the session; "Did it hurt?" is on screen. */
  askHurt = false;

  constructor(private readonly d: CoachGestureDeps) {}

  /** A live session began coaching `exercise` (undefined: recognising it). */
  start(exercise: ExerciseId | undefined): void {
    this.askHurt = false;
    this.handsFree = new HandsFreeController(exercise);
  }

  end(): void {
    this.askHurt = false;
    this.handsFree = undefined;
  }

  /** The session was resumed by hand: "Did it hurt?" no longer stands. */
  resumed(): void {
    this.askHurt = false;
  }

  /**
   * One live pose, paused or not (sitting up pauses, lying back resumes):
   * true when it should also go to the session (not paused, no question up).
   */
  watch(p: PoseResult): boolean {
    if (this.askHurt) return false;
    const gesture = this.handsFree?.onPose(p.frame, p.tMs);
    if (gesture) this.onGesture(gesture);
    return !this.d.flow().paused && !this.askHurt;
  }

  /** After the session took the pose: the countdown for a stretch still being recognised. */
  offerRecognized(tMs: number): void {
    const session = this.d.session();
    const hf = this.handsFree;
    if (!session || session.exercise || !hf) return;
    const recognized = session.step?.recognized;
    const before = hf.offer;
    const offer = hf.onRecognized(recognized, this.d.isAllowed(recognized), tMs);
    if (offer.kind === 'go') {
      this.d.accept();
      hf.setExercise(session.exercise);
    } else if (countdownBegan(before, offer)) {
      this.d.say(GESTURE_WORDS.countdown);
    }
  }

  /** N or "Not this one" while the countdown runs. */
  decline(): void {
    if (this.handsFree?.offer.kind !== 'counting') return;
    this.handsFree.decline();
    this.d.say(GESTURE_WORDS.declined);
    this.d.requestUpdate();
  }

  private onGesture(gesture: GestureEvent) {
    const d = this.d;
    const answer = gestureResponse(gesture, {
      paused: d.flow().paused,
      cameraFailed: d.cameraFailed(),
      exercise: d.session()?.exercise,
    });
    if (!answer) return;
    // Up before the pause is rendered, so no frame reaches the session in between.
    if (answer.askHurt) this.askHurt = true;
    d.dispatch(answer.event);
    if (answer.hush) {
      d.session()?.clearCue();
      d.hush();
    }
    d.say(answer.say, answer.safety);
    if (answer.askHurt) d.focusHurt();
    d.requestUpdate();
  }
}
