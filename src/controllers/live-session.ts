/**
 * One live coaching session, frame by frame, apart from any screen: runs
 * the per-frame chain (CoachPipeline), gives each cue to the voice, speaks
 * the countdown to the hold target and the side switch for the twist,
 * announces a recognised stretch once, moves the twist to the other side
 * once a hold on this side reached the target and ended, keeps the holds of every side, and
 * writes the session to this device as it goes (SessionRecorder).
 * Lifetime: from "go live" to `finish()`; `finish` closes the recorder.
 */
import type { Side } from '../core/body-points.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { cueDefinition } from '../feedback/cue-vocabulary.ts';
import type { CueEvent } from '../feedback/feedback-policy.ts';
import type { PoseResult } from '../pose/worker/pose-worker-client.ts';
import type { SessionStopReason } from '../safety/session-stop-advice.ts';
import { type CoachHold, CoachPipeline, type CoachStep } from '../session/coach-pipeline.ts';
import { type SessionReport, SessionReporter } from '../session/session-report.ts';
import { SessionRecorder } from './session-recorder.ts';

/** Seconds before the hold target at which the remaining time is spoken. */
export const COUNTDOWN_MARKS_S = [10, 5] as const;
/** Steps kept in the trace (a bounded window, ~1 min at 10 fps). */
export const TRACE_LIMIT = 600;

export interface TraceEntry {
  tMs: number;
  formGood: boolean | undefined;
  /** Good-form time of the hold in progress after this frame, ms (0: none). */
  heldMs: number;
  raised: string[];
}

export interface LiveSessionOptions {
  /** Undefined: recognise the stretch first, then `accept()` it. */
  exercise: ExerciseId | undefined;
  /** The twist's side (the bent knee) to start with. */
  twistSide: Side;
  /** Hold target, seconds. */
  holdTargetS: number;
  /** The stretch's name as spoken, and whether its holds are called pauses (the roller). */
  describe: (id: ExerciseId) => { title: string; holdWord: 'pause' | 'hold' };
  /** Whether the safety check opened this stretch today. */
  isAllowed: (id: ExerciseId) => boolean;
  /** The voice (and captions). */
  say: (text: string, safety?: boolean) => void;
  /** A write to this device's storage failed: the message to show. */
  onStorageError: (message: string) => void;
  /** When coaching started, performance.now() ms. */
  startMs: number;
}

export interface FinishedSession {
  exercise: ExerciseId | undefined;
  holds: CoachHold[];
  /** Cues given. */
  cues: number;
  /** The session's report (the same a recording of it gives); undefined when no stretch was coached. */
  report: SessionReport | undefined;
  /** Resolves when the session is stored (never rejects: failures go to onStorageError). */
  saved: Promise<void>;
}

export class LiveSession {
  exercise: ExerciseId | undefined;
  twistSide: Side;
  /** The last step, for the screen. */
  step: CoachStep | undefined;
  /** The last cue given. */
  cue: CueEvent | undefined;
  /** The twist's hold reached its target on this side: time to switch. */
  switchDue = false;
  poses = 0;
  readonly trace: TraceEntry[] = [];
  private pipeline: CoachPipeline;
  /** Holds of earlier pipelines (the twist's first side). */
  private readonly earlierHolds: CoachHold[] = [];
  private recorder: SessionRecorder | undefined;
  private reporter: SessionReporter | undefined;
  private recordedHolds = 0;
  private cueCount = 0;
  /** "Ease off" cues given (the checker saw forcing): stored with the session. */
  private forcingCount = 0;
  private announcedHoldMs: number | undefined;
  private announcedRecognition: ExerciseId | undefined;
  /** Countdown marks already spoken, as `holdStart:mark`. */
  private readonly countedDown = new Set<string>();
  /** The hold and its time on the last frame: a countdown mark is said when a frame crosses it. */
  private lastProgress = { startMs: Number.NaN, heldMs: 0 };

  constructor(private readonly options: LiveSessionOptions) {
    this.exercise = options.exercise;
    this.twistSide = options.twistSide;
    this.pipeline = this.newPipeline();
    if (this.exercise) this.startRecording(this.exercise);
    options.say(
      this.exercise
        ? `${this.options.describe(this.exercise).title}. Let's start.`
        : 'Start your stretch; I will recognise it.',
    );
  }

  /** Whether the chosen stretch has form rules yet (a checker). */
  get hasChecker(): boolean {
    return this.pipeline.checker !== undefined;
  }

  /** Every hold so far, the twist's sides together, oldest first. */
  get holds(): CoachHold[] {
    return [...this.earlierHolds, ...this.pipeline.holds];
  }

  private newPipeline(): CoachPipeline {
    this.announcedHoldMs = undefined;
    this.countedDown.clear();
    this.switchDue = false;
    return new CoachPipeline(
      this.exercise,
      this.exercise === 'seated-twist' ? { side: this.twistSide } : {},
    );
  }

  private startRecording(exercise: ExerciseId) {
    const recorder = new SessionRecorder();
    recorder.onError = this.options.onStorageError;
    recorder.start(exercise, this.options.startMs, this.options.holdTargetS);
    this.recorder = recorder;
    const startSide = exercise === 'seated-twist' ? this.twistSide : undefined;
    this.reporter = new SessionReporter({
      exercise,
      holdTargetS: this.options.holdTargetS,
      startMs: this.options.startMs,
      ...(startSide ? { startSide } : {}),
    });
  }

  /** One analysed frame. Returns the step (undefined when its time did not move forward). */
  onPose(p: PoseResult): CoachStep | undefined {
    const step = this.pipeline.step(p.frame, p.tMs);
    if (!step) return undefined;
    this.step = step;
    // The side coached on this frame, before a switch it may cause.
    const coachedSide = this.exercise === 'seated-twist' ? this.twistSide : undefined;
    this.reporter?.add(coachedSide ? { ...step, coachedSide } : step);
    this.poses++;
    this.trace.push({
      tMs: step.tMs,
      formGood: step.verdict?.formGood,
      heldMs: step.activeHold?.heldMs ?? 0,
      raised: step.verdict?.raised ?? [],
    });
    if (this.trace.length > TRACE_LIMIT) this.trace.shift();
    this.announceRecognition(step);
    if (step.cue) {
      const def = cueDefinition(step.cue.code);
      this.cue = step.cue;
      this.cueCount++;
      if (step.cue.code === 'ease-off') this.forcingCount++;
      this.options.say(def.text, def.priority === 'safety');
      this.recorder?.cue(step.cue.code, step.cue.tMs);
    }
    this.recorder?.sample(step.tMs, step.verdict?.metrics);
    const holds = this.earlierHolds.length + this.pipeline.holds.length;
    if (holds !== this.recordedHolds) {
      this.recordedHolds = holds;
      this.recorder?.update(this.holds, this.forcingCount);
    }
    // The hold in progress is checkpointed each second, so a crashed tab keeps nearly all of it.
    this.recorder?.progress(
      step.activeHold,
      this.exercise === 'seated-twist' ? this.twistSide : undefined,
    );
    if (step.activeHold) this.holdProgress(step.activeHold.startMs, step.activeHold.heldMs);
    else if (this.switchDue) this.autoSwitch();
    return step;
  }

  private announceRecognition(step: CoachStep) {
    const id = step.recognized;
    if (!id || id === this.announcedRecognition) return;
    this.announcedRecognition = id;
    const title = this.options.describe(id).title;
    this.options.say(
      this.options.isAllowed(id)
        ? `This looks like ${title}. Press C to coach it.`
        : `This looks like ${title}, which your safety check did not open for today.`,
    );
  }

  /** Countdown ("10 seconds to go", "5") and the target reached, once each per hold. */
  private holdProgress(holdStartMs: number, heldMs: number) {
    const targetMs = this.options.holdTargetS * 1000;
    const remainingMs = targetMs - heldMs;
    const beforeMs = this.lastProgress.startMs === holdStartMs ? this.lastProgress.heldMs : 0;
    this.lastProgress = { startMs: holdStartMs, heldMs };
    // Crossed on this frame: at a low analysis rate one frame may step over a whole second.
    const mark = COUNTDOWN_MARKS_S.filter(
      (m) => targetMs - beforeMs > m * 1000 && remainingMs <= m * 1000 && remainingMs > 0,
    ).at(-1);
    if (mark !== undefined && !this.countedDown.has(`${holdStartMs}:${mark}`)) {
      this.countedDown.add(`${holdStartMs}:${mark}`);
      this.options.say(mark === 10 ? '10 seconds to go' : String(mark));
    }
    if (heldMs < targetMs || this.announcedHoldMs === holdStartMs) return;
    this.announcedHoldMs = holdStartMs;
    const s = this.options.holdTargetS;
    if (this.exercise === 'seated-twist') {
      this.switchDue = true;
      const other = this.twistSide === 'left' ? 'right' : 'left';
      this.options.say(
        `${s} seconds. Well done. Now the other side: twist toward your ${other} knee.`,
      );
    } else {
      const next =
        this.exercise && this.options.describe(this.exercise).holdWord === 'pause'
          ? 'roll to the next spot'
          : 'go again';
      this.options.say(`${s} seconds. Well done. Rest, then ${next}.`);
    }
  }

  /**
   * The twist's target was reached and that hold has ended (the person came
   * out of it): coach the other side without a button press.
   */
  private autoSwitch() {
    this.switchSide();
    this.options.say(`Now twist toward your ${this.twistSide} knee.`);
  }

  /** Coach the recognised stretch. Returns whether it was taken. */
  accept(): boolean {
    const id = this.step?.recognized;
    if (this.exercise || !id || !this.options.isAllowed(id)) return false;
    this.exercise = id;
    this.pipeline = this.newPipeline();
    this.startRecording(id);
    this.options.say(`Coaching ${this.options.describe(id).title}.`);
    return true;
  }

  /** The twist's other side: its holds are kept, a new hold starts on the new side. */
  switchSide(): void {
    this.earlierHolds.push(...this.pipeline.end());
    this.twistSide = this.twistSide === 'left' ? 'right' : 'left';
    this.pipeline = this.newPipeline();
  }

  /** Drops the last cue (after a pause it no longer describes the person). */
  clearCue(): void {
    this.cue = undefined;
  }

  /** Ends every hold, stores the session and closes the recorder. */
  finish(nowMs: number, stoppedFor?: SessionStopReason): FinishedSession {
    this.earlierHolds.push(...this.pipeline.end());
    this.pipeline = this.newPipeline(); // a fresh, empty one: nothing more is counted
    const holds = [...this.earlierHolds];
    const report = this.reporter?.finish(holds);
    this.reporter = undefined;
    const recorder = this.recorder;
    this.recorder = undefined;
    let saved = Promise.resolve();
    if (recorder) {
      recorder.update(holds, this.forcingCount);
      saved = recorder.finish(nowMs, stoppedFor).finally(() => recorder.close());
    }
    return { exercise: this.exercise, holds, cues: this.cueCount, report, saved };
  }

  /** Releases the recorder without finishing (the page is going away). */
  close(): void {
    this.recorder?.close();
    this.recorder = undefined;
  }
}
