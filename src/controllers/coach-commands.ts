/**
 * What the person can ask of the live coach, by button, key or (through
 * the gestures) the pose: each command is one flow event or one call to
 * the controller that owns it. The buttons, the keymap and the gestures
 * share these, so a key and its button can never do different things.
 */
import type { CoachFlowState, CoachStopReason, FlowEvent } from '../session/coach-flow.ts';
import type { CoachGestureController } from './coach-gesture-controller.ts';
import type { LiveSession } from './live-session.ts';
import type { RoutineController } from './routine-controller.ts';

export interface CoachCommandDeps {
  /** Where "Start another" is announced (`sw-session-again`, for the daily check). */
  host: EventTarget;
  flow: () => CoachFlowState;
  dispatch: (event: FlowEvent) => void;
  session: () => Pick<LiveSession, 'exercise' | 'accept' | 'switchSide'> | undefined;
  routine: Pick<RoutineController, 'resting' | 'dispatch'>;
  gestures: Pick<CoachGestureController, 'decline'>;
  /** Lets the camera and the pose model go (ending a routine in its rest). */
  releaseCamera: () => void;
  hush: () => void;
  requestUpdate: () => void;
}

export class CoachCommands {
  constructor(private readonly d: CoachCommandDeps) {}

  /**
   * Camera, then the engine, then setup help (the flow's start). Stop, Sharp
   * pain or leaving cancel it wherever it is (coach-start-task.ts).
   */
  readonly begin = () => this.d.dispatch({ type: 'start' });
  /** Enter or "Start now" in setup. */
  readonly goLive = () => this.d.dispatch({ type: 'start-now' });
  readonly togglePause = () => this.d.dispatch({ type: 'toggle-pause' });
  /** Ends the session: everything stops and the summary (or the safety advice) shows. */
  readonly finish = (reason: CoachStopReason) => this.d.dispatch({ type: 'stop', reason });
  readonly stop = () => this.finish('done');
  /** Sharp pain (button or P): ends the session, or in a routine's rest the routine. */
  readonly sharpPain = () => {
    if (this.d.routine.resting) this.d.dispatch({ type: 'sharp-pain-after' });
    else this.finish('sharp-pain');
  };
  /** Sharp pain where no routine can be resting (loading, setup, live, "Did it hurt?"). */
  readonly sharpPainNow = () => this.finish('sharp-pain');
  /** Back to choosing a stretch; releases the camera and the model if still held. */
  readonly restart = () => this.d.dispatch({ type: 'restart' });
  /**
   * "Start another" after a summary: back to choosing, and the shell hears
   * it (`sw-session-again`) so the daily safety check comes before the next
   * session.
   */
  readonly startAnother = () => {
    this.restart();
    this.d.host.dispatchEvent(
      new CustomEvent('sw-session-again', { bubbles: true, composed: true }),
    );
  };
  /** C or "Coach it": the recognised stretch is coached from now on. */
  readonly accept = () => {
    if (this.d.flow().stage === 'live' && this.d.session()?.accept()) this.d.requestUpdate();
  };
  readonly switchSide = () => {
    const session = this.d.session();
    if (this.d.flow().stage !== 'live' || session?.exercise !== 'seated-twist') return;
    session.switchSide();
    this.d.requestUpdate();
  };
  /** N or "Not this one" during the accept countdown. */
  readonly decline = () => this.d.gestures.decline();
  /** "End the routine" in its rest: the camera and the model go too. */
  readonly endRoutine = () => {
    this.d.routine.dispatch({ type: 'end' });
    this.d.releaseCamera();
  };
  /** Another tab took over the coaching: this one stands down, keeping a session under way. */
  readonly standDown = () => {
    const { stage } = this.d.flow();
    if (stage === 'live') this.stop();
    else if (stage === 'loading' || stage === 'setup') this.restart();
    this.d.hush();
  };
}
