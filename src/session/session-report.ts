/**
 * One session's report, the same whoever made it (the live coach, a
 * recorded landmark stream, the analyzer command): phases, holds, cues,
 * side switches and per-second metrics, with what made them (exercise,
 * engine and model, thresholds' fingerprint, app version). Built by one
 * pure reporter fed the per-frame steps of the session script.
 * Times in the report are ms from the session's start (`startMs` given to
 * the reporter), so a live session and its recording compare directly.
 */
import { APP_VERSION } from '../app-version.ts';
import type { Side } from '../core/body-points.ts';
import type { Phase } from '../exercises/checker.ts';
import { configVersion } from '../exercises/config-version.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { SidedHold } from '../exercises/exercise-pipeline.ts';
import type { CueCode } from '../feedback/cue-vocabulary.ts';
import type { ScriptStep } from './session-script.ts';

export const SESSION_REPORT_FORMAT = 'spinewise-session-report/1';

export interface ReportPhase {
  /** First frame in this phase, ms from the session's start. */
  fromMs: number;
  /** Last frame in this phase, ms from the session's start. */
  toMs: number;
  phase: Phase;
}

export interface ReportHold {
  /** First good frame, ms from the session's start. */
  startMs: number;
  /** Last frame of the hold, ms from the session's start. */
  endMs: number;
  /** Good-form time within the hold (breaks within tolerance not counted), ms. */
  goodMs: number;
  /** The side the hold worked (the twist), by the majority of its good frames. */
  side?: Side;
  /** Whether the good-form time reached the session's hold target. */
  targetReached: boolean;
}

export interface ReportCue {
  /** When the cue was given, ms from the session's start. */
  tMs: number;
  code: CueCode;
}

export interface ReportSideSwitch {
  /** The frame on which coaching moved to the other side, ms from the session's start. */
  tMs: number;
  /** The side coached from then on. */
  side: Side;
}

export interface ReportSecond {
  /** Start of the second, ms from the session's start (a multiple of 1000). */
  tMs: number;
  /** Share of this second's analysed frames with a usable pose, 0–1. */
  usable: number;
  /** Frames analysed in this second. */
  frames: number;
  /** The last verdict's measures in this second, units in their names (e.g. `rotationDeg`); absent: unknown. */
  metrics: Record<string, number>;
}

export interface SessionReport {
  format: typeof SESSION_REPORT_FORMAT;
  exercise: ExerciseId;
  /** The twist's side coached first; absent where the stretch has no sides or either way counted. */
  startSide?: Side;
  /** Hold target, s. */
  holdTargetS: number;
  /** Pose engine, e.g. `mediapipe`, `tfjs`; absent when no frame had a pose. */
  engine?: string;
  /** The engine's model, e.g. `lite`, `blazepose-lite`. */
  model?: string;
  /** Fingerprint of the thresholds and hold timing that judged it (config-version.ts). */
  configVersion: string;
  /** Spinewise version that made the report. */
  appVersion: string;
  /** Last analysed frame, ms from the session's start (0: no frame). */
  durationMs: number;
  /** Frames analysed. */
  frames: number;
  phases: ReportPhase[];
  holds: ReportHold[];
  cues: ReportCue[];
  sideSwitches: ReportSideSwitch[];
  perSecond: ReportSecond[];
  /**
   * The pain log entries just before and after the session (linked from the
   * pain log by `session-pain.ts`); absent where none was logged, and in
   * reports not made for storage (the analyzer).
   */
  pain?: ReportPain;
}

/** A pain log entry a session is linked to. */
export interface PainLink {
  /** The pain entry's id. */
  id: string;
  /** Its level, 0–10. */
  level: number;
  /** When it was logged, ms since the epoch (the pain log's clock). */
  atMs: number;
}

export interface ReportPain {
  before?: PainLink;
  after?: PainLink;
}

export interface SessionReporterOptions {
  exercise: ExerciseId;
  startSide?: Side;
  holdTargetS: number;
  /** The session's start on the steps' clock, ms: report times count from it. */
  startMs: number;
}

/** A step as the reporter needs it: a ScriptStep, or the chain's step with the side coached. */
export type ReportedStep = Pick<
  ScriptStep,
  'tMs' | 'smoothed' | 'features' | 'verdict' | 'cue' | 'coachedSide'
>;

export class SessionReporter {
  private readonly report: SessionReport;
  private second: ReportSecond | undefined;
  private usableFrames = 0;
  private lastSide: Side | undefined;

  constructor(private readonly options: SessionReporterOptions) {
    this.report = {
      format: SESSION_REPORT_FORMAT,
      exercise: options.exercise,
      holdTargetS: options.holdTargetS,
      configVersion: configVersion(options.exercise),
      appVersion: APP_VERSION,
      durationMs: 0,
      frames: 0,
      phases: [],
      holds: [],
      cues: [],
      sideSwitches: [],
      perSecond: [],
    };
    if (options.startSide) this.report.startSide = options.startSide;
    this.lastSide = options.startSide;
  }

  /** One analysed frame of the session, in time order. */
  add(step: ReportedStep): void {
    const r = this.report;
    const t = step.tMs - this.options.startMs;
    r.frames++;
    r.durationMs = t;
    if (!r.engine && step.smoothed) {
      const [engine, ...model] = step.smoothed.engine.split('/');
      r.engine = engine;
      if (model.length) r.model = model.join('/');
    }
    if (step.coachedSide && step.coachedSide !== this.lastSide) {
      if (this.lastSide) r.sideSwitches.push({ tMs: t, side: step.coachedSide });
      this.lastSide = step.coachedSide;
    }
    if (step.cue) r.cues.push({ tMs: step.cue.tMs - this.options.startMs, code: step.cue.code });
    if (step.verdict) {
      const span = r.phases.at(-1);
      if (span && span.phase === step.verdict.phase) span.toMs = t;
      else r.phases.push({ fromMs: t, toMs: t, phase: step.verdict.phase });
    }

    const secondStart = Math.floor(t / 1000) * 1000;
    if (!this.second || this.second.tMs !== secondStart) {
      this.closeSecond();
      this.second = { tMs: secondStart, usable: 0, frames: 0, metrics: {} };
      this.usableFrames = 0;
    }
    this.second.frames++;
    if (step.features.usable) this.usableFrames++;
    if (step.verdict) this.second.metrics = known(step.verdict.metrics);
  }

  private closeSecond() {
    if (!this.second) return;
    this.second.usable = this.usableFrames / this.second.frames;
    this.report.perSecond.push(this.second);
    this.second = undefined;
  }

  /** The finished report, with the session's holds (the script's `end()`). Call once. */
  finish(holds: readonly SidedHold[]): SessionReport {
    this.closeSecond();
    this.report.holds = holds.map((h) => this.reportHold(h));
    return this.report;
  }

  /**
   * The report so far, as a copy (the reporter goes on): the second in
   * progress as far as it got, the finished holds and the one in progress
   * (`active`, with its side), so a session stored mid-way shows them.
   */
  snapshot(holds: readonly SidedHold[], active?: SidedHold): SessionReport {
    const copy = structuredClone(this.report);
    if (this.second)
      copy.perSecond.push({
        ...structuredClone(this.second),
        usable: this.usableFrames / this.second.frames,
      });
    copy.holds = [...holds, ...(active ? [active] : [])].map((h) => this.reportHold(h));
    return copy;
  }

  private reportHold(h: SidedHold): ReportHold {
    const hold: ReportHold = {
      startMs: h.startMs - this.options.startMs,
      endMs: h.endMs - this.options.startMs,
      goodMs: h.heldMs,
      targetReached: h.heldMs >= this.options.holdTargetS * 1000,
    };
    if (h.side) hold.side = h.side;
    return hold;
  }
}

/** Known measures only: an unknown one is left out rather than stored as a guess. */
function known(metrics: Record<string, number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(metrics)) if (v !== undefined) out[k] = v;
  return out;
}
