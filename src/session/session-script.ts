/**
 * The session's script around the per-frame chain, shared by the live coach
 * and the analysis of a recording so both give the same session: the
 * countdown to the hold target ("10 seconds to go", "5"), the target
 * reached, and for the twist the move to the other side once a hold on this
 * side reached the target and ended. Each frame returns the chain's step
 * plus the lines to say (in words; the caller decides how to voice them).
 * Pure: time is an argument. Lifetime: one session.
 */
import type { Side } from '../core/body-points.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { type CoachHold, CoachPipeline, type CoachStep } from './coach-pipeline.ts';

/** Seconds before the hold target at which the remaining time is spoken. */
export const COUNTDOWN_MARKS_S = [10, 5] as const;

export type ScriptLine =
  | { kind: 'countdown'; remainingS: (typeof COUNTDOWN_MARKS_S)[number]; text: string }
  | { kind: 'target'; text: string }
  | { kind: 'switch'; side: Side; text: string };

export interface ScriptStep extends CoachStep {
  /** The side being coached on this frame (the twist), before any switch it caused. */
  coachedSide?: Side;
  /** What to say after this frame's cue, in order. */
  lines: ScriptLine[];
}

export interface SessionScriptOptions {
  /** Undefined: recognise the stretch first, then `choose()` it. */
  exercise: ExerciseId | undefined;
  /** The twist's side (the bent knee) to start with; undefined: either way, never switched. */
  twistSide: Side | undefined;
  /** Hold target, seconds. */
  holdTargetS: number;
  /** Whether the stretch's holds are called pauses (the roller): decides what "go again" says. */
  holdWord: (id: ExerciseId) => 'pause' | 'hold';
}

export class SessionScript {
  exercise: ExerciseId | undefined;
  twistSide: Side | undefined;
  /** The twist's hold reached its target on this side: time to switch once it ends. */
  switchDue = false;
  private pipeline: CoachPipeline;
  /** Holds of earlier pipelines (the twist's first side). */
  private readonly earlierHolds: CoachHold[] = [];
  private announcedHoldMs: number | undefined;
  /** Countdown marks already spoken, as `holdStart:mark`. */
  private readonly countedDown = new Set<string>();
  /** The hold and its time on the last frame: a countdown mark is said when a frame crosses it. */
  private lastProgress = { startMs: Number.NaN, heldMs: 0 };

  constructor(private readonly options: SessionScriptOptions) {
    this.exercise = options.exercise;
    this.twistSide = options.twistSide;
    this.pipeline = this.newPipeline();
  }

  get hasChecker(): boolean {
    return this.pipeline.checker !== undefined;
  }

  /** Every finished hold so far, the twist's sides together, oldest first. */
  get holds(): CoachHold[] {
    return [...this.earlierHolds, ...this.pipeline.holds];
  }

  private newPipeline(): CoachPipeline {
    this.announcedHoldMs = undefined;
    this.countedDown.clear();
    this.switchDue = false;
    const sided = this.exercise === 'seated-twist' && this.twistSide;
    return new CoachPipeline(this.exercise, sided ? { side: this.twistSide } : {});
  }

  /** One analysed frame (null: nobody seen); undefined when its time did not move forward. */
  step(frame: PoseFrame | null, tMs: number): ScriptStep | undefined {
    const step = this.pipeline.step(frame, tMs);
    if (!step) return undefined;
    const coachedSide = this.exercise === 'seated-twist' ? this.twistSide : undefined;
    const lines: ScriptLine[] = [];
    if (step.activeHold) this.holdProgress(step.activeHold.startMs, step.activeHold.heldMs, lines);
    else if (this.switchDue) {
      this.switchSide();
      if (this.twistSide) {
        const text = `Now twist toward your ${this.twistSide} knee.`;
        lines.push({ kind: 'switch', side: this.twistSide, text });
      }
    }
    const out: ScriptStep = { ...step, lines };
    if (coachedSide) out.coachedSide = coachedSide;
    return out;
  }

  /** Countdown and the target reached, once each per hold. */
  private holdProgress(holdStartMs: number, heldMs: number, lines: ScriptLine[]) {
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
      lines.push({
        kind: 'countdown',
        remainingS: mark,
        text: mark === 10 ? '10 seconds to go' : String(mark),
      });
    }
    if (heldMs < targetMs || this.announcedHoldMs === holdStartMs) return;
    this.announcedHoldMs = holdStartMs;
    const s = this.options.holdTargetS;
    if (this.exercise === 'seated-twist' && this.twistSide) {
      this.switchDue = true;
      const other = this.twistSide === 'left' ? 'right' : 'left';
      lines.push({
        kind: 'target',
        text: `${s} seconds. Well done. Now the other side: twist toward your ${other} knee.`,
      });
    } else {
      const next =
        this.exercise && this.options.holdWord(this.exercise) === 'pause'
          ? 'roll to the next spot'
          : 'go again';
      lines.push({ kind: 'target', text: `${s} seconds. Well done. Rest, then ${next}.` });
    }
  }

  /** Coach this stretch from now on (it was recognised). */
  choose(id: ExerciseId): void {
    this.exercise = id;
    this.pipeline = this.newPipeline();
  }

  /** The twist's other side: its holds are kept, a new hold starts on the new side. */
  switchSide(): void {
    this.earlierHolds.push(...this.pipeline.end());
    this.twistSide = this.twistSide === 'right' ? 'left' : 'right';
    this.pipeline = this.newPipeline();
  }

  /** Ends the hold in progress and returns every hold; nothing more is counted after. */
  end(): CoachHold[] {
    this.earlierHolds.push(...this.pipeline.end());
    this.pipeline = this.newPipeline(); // a fresh, empty one
    return [...this.earlierHolds];
  }
}
