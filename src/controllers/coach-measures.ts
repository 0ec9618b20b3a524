/**
 * The numbers a test (or a curious person) can read off the live coach
 * (`coach.measures`): main-thread long tasks, the main thread's time per
 * pose, frame-to-cue latency, the session's trace and cancelled loads. A
 * plain object, so a test can copy it out of the page as JSON; this class
 * keeps it up to date. Lifetime: the element's.
 */
import type { TraceEntry } from './live-session.ts';
import type { LongTaskMonitor } from './long-task-monitor.ts';

/** Cue latencies kept (the most recent): a bounded window. */
export const LATENCY_LIMIT = 200;

export interface CoachMeasures {
  /** Frame capture → cue on screen, per cue, ms. */
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
  /** The last live steps (LiveSession's trace): form verdict and hold time, for checking the timer. */
  trace: TraceEntry[];
  /** Engine loads cancelled (Stop, Sharp pain, leaving) that have since come to an end. */
  cancelledLoads: number;
}

export class CoachMeasuresRecorder {
  readonly values: CoachMeasures = {
    cueLatencyMs: [],
    poses: 0,
    longTasks: 0,
    longestTaskMs: 0,
    liveLongTasks: 0,
    liveLongestTaskMs: 0,
    maxStepMs: 0,
    totalStepMs: 0,
    trace: [],
    cancelledLoads: 0,
  };

  constructor(private readonly longTasks: LongTaskMonitor) {}

  /** Coaching started: the per-session numbers start afresh and follow this trace. */
  sessionStarted(trace: TraceEntry[]): void {
    Object.assign(this.values, { cueLatencyMs: [], poses: 0, trace, maxStepMs: 0, totalStepMs: 0 });
  }

  /** One live step took `mainMs` on the main thread; the session has had `poses` poses. */
  step(mainMs: number, poses: number): void {
    const v = this.values;
    v.poses = poses;
    v.maxStepMs = Math.max(v.maxStepMs, mainMs);
    v.totalStepMs += mainMs;
  }

  /** A cue reached the screen this long after its frame was captured, ms. */
  cueShown(latencyMs: number): void {
    const latencies = this.values.cueLatencyMs;
    latencies.push(latencyMs);
    if (latencies.length > LATENCY_LIMIT) latencies.shift();
  }

  /** Reads the long-task counts now; `liveSinceMs`: when coaching started (undefined: not yet). */
  readTasks(liveSinceMs: number | undefined): void {
    const v = this.values;
    v.longTasks = this.longTasks.count;
    v.longestTaskMs = this.longTasks.longestMs;
    const live = liveSinceMs === undefined ? [] : this.longTasks.since(liveSinceMs);
    v.liveLongTasks = live.length;
    v.liveLongestTaskMs = Math.max(0, ...live.map((t) => t.durationMs));
  }
}
