/**
 * One live coaching session, frame by frame, apart from any screen: runs
 * the session script (SessionScript: the per-frame chain, the countdown to
 * the hold target, the twist's move to the other side once a hold on this
 * side reached the target and ended, the same script a recording is
 * analysed with), gives each cue and script line to the voice, announces a
 * recognised stretch once, builds the SessionReport, and writes the session
 * to this device as it goes (SessionRecorder).
 * Lifetime: from "go live" to `finish()`; `finish` closes the recorder.
 */
import type { Side } from '../core/body-points.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { cueDefinition } from '../feedback/cue-vocabulary.ts';
import type { CueEvent } from '../feedback/feedback-policy.ts';
import type { PoseResult } from '../pose/worker/pose-worker-client.ts';
import type { SessionStopReason } from '../safety/session-stop-advice.ts';
import type { CoachHold, CoachStep } from '../session/coach-pipeline.ts';
import type { SessionReport } from '../session/session-report.ts';
import { SessionScript } from '../session/session-script.ts';
import { SessionRecorder } from './session-recorder.ts';

export { COUNTDOWN_MARKS_S } from '../session/session-script.ts';
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
  /** The last step, for the screen. */
  step: CoachStep | undefined;
  /** The last cue given. */
  cue: CueEvent | undefined;
  poses = 0;
  readonly trace: TraceEntry[] = [];
  private readonly script: SessionScript;
  /** Builds the SessionReport from the steps and writes it as it happens. */
  private recorder: SessionRecorder | undefined;
  /** The recorder after `finish`, for `restop`. */
  private finishedRecorder: SessionRecorder | undefined;
  private cueCount = 0;
  private announcedRecognition: ExerciseId | undefined;

  constructor(private readonly options: LiveSessionOptions) {
    this.exercise = options.exercise;
    this.script = new SessionScript({
      exercise: options.exercise,
      twistSide: options.twistSide,
      holdTargetS: options.holdTargetS,
      holdWord: (id) => options.describe(id).holdWord,
    });
    if (this.exercise) this.startRecording(this.exercise);
    options.say(
      this.exercise
        ? `${this.options.describe(this.exercise).title}. Let's start.`
        : 'Start your stretch; I will recognise it.',
    );
  }

  /** The twist's side coached now (the bent knee). */
  get twistSide(): Side {
    return this.script.twistSide ?? this.options.twistSide;
  }

  /** The twist's hold reached its target on this side: time to switch. */
  get switchDue(): boolean {
    return this.script.switchDue;
  }

  /** Whether the chosen stretch has form rules yet (a checker). */
  get hasChecker(): boolean {
    return this.script.hasChecker;
  }

  /** Every hold so far, the twist's sides together, oldest first. */
  get holds(): CoachHold[] {
    return this.script.holds;
  }

  private startRecording(exercise: ExerciseId) {
    const recorder = new SessionRecorder();
    recorder.onError = this.options.onStorageError;
    const startSide = exercise === 'seated-twist' ? this.twistSide : undefined;
    recorder.start(exercise, this.options.startMs, this.options.holdTargetS, startSide);
    this.recorder = recorder;
  }

  /** One analysed frame. Returns the step (undefined: its time did not move on, or was before the start). */
  onPose(p: PoseResult): CoachStep | undefined {
    // A frame captured before coaching started (frames are stamped with their capture time; one
    // still in the worker at the start, as a slow model leaves it, or grabbed just after it) belongs
    // to setup: in the session it would give the stored report a negative time, and a record read
    // back as damaged is skipped, losing e.g. a sharp-pain stop.
    if (p.tMs < this.options.startMs) return undefined;
    const step = this.script.step(p.frame, p.tMs);
    if (!step) return undefined;
    this.step = step;
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
      this.options.say(def.text, def.priority === 'safety');
    }
    // The report so far is written each second and when a hold ends: a crashed tab keeps nearly all of it.
    this.recorder?.step(step, this.script.holds, step.activeHold);
    // The countdown, the target reached, the twist's other side: after the cue, in order.
    for (const line of step.lines) this.options.say(line.text);
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

  /** Coach the recognised stretch. Returns whether it was taken. */
  accept(): boolean {
    const id = this.step?.recognized;
    if (this.exercise || !id || !this.options.isAllowed(id)) return false;
    this.exercise = id;
    this.script.choose(id);
    this.startRecording(id);
    this.options.say(`Coaching ${this.options.describe(id).title}.`);
    return true;
  }

  /** The twist's other side: its holds are kept, a new hold starts on the new side. */
  switchSide(): void {
    this.script.switchSide();
  }

  /** Drops the last cue (after a pause it no longer describes the person). */
  clearCue(): void {
    this.cue = undefined;
  }

  /** Ends every hold, stores the session and closes the recorder. */
  finish(nowMs: number, stoppedFor?: SessionStopReason): FinishedSession {
    const holds = this.script.end(); // nothing more is counted after
    const recorder = this.recorder;
    this.recorder = undefined;
    this.finishedRecorder = recorder;
    let report: SessionReport | undefined;
    let saved = Promise.resolve();
    if (recorder) {
      const ended = recorder.end(nowMs, stoppedFor, holds);
      report = ended.report;
      saved = ended.saved.finally(() => recorder.close());
    }
    return { exercise: this.exercise, holds, cues: this.cueCount, report, saved };
  }

  /**
   * After `finish`: the stored session counts as stopped for `reason` after
   * all (sharp pain in a routine's rest). Resolves once stored or kept pending.
   */
  async restop(reason: SessionStopReason): Promise<void> {
    await this.finishedRecorder?.restop(reason);
  }

  /** Releases the recorder without finishing (the page is going away). */
  close(): void {
    this.recorder?.close();
    this.recorder = undefined;
  }
}
