/**
 * The automatic engine choice: the most accurate model whose measured
 * per-frame time keeps up with the analysis rate the coach needs. Pure:
 * the timings are measured by the caller (choose-engine.ts, a few camera
 * frames each); this file turns them into a choice and its reason in words.
 */
import type { EngineSpec } from '../pose/create-pose-engine.ts';
import { ENGINE_CHOICES, engineName } from '../pose/engine-options.ts';

/** Candidates, most accurate first (BlazePose heavy > full > lite on the project's clips). */
export const AUTO_CANDIDATES: readonly EngineSpec[] = [
  { engine: 'mediapipe', model: 'heavy' },
  { engine: 'mediapipe', model: 'full' },
  { engine: 'mediapipe', model: 'lite' },
];

/** If MediaPipe cannot load at all, this one is tried. */
export const AUTO_FALLBACK: EngineSpec = { engine: 'tfjs', model: 'blazepose-lite' };

/**
 * Frames the coach wants analysed per second: movement in these stretches
 * is slow; ~10/s follows it and leaves room for turned frames. Default 10.
 */
export const DEFAULT_ANALYSIS_FPS = 10;

/** Share of the frame budget a model may use (the floor tracker sometimes runs it twice). */
export const BUDGET_SHARE = 0.8;

/** Frames timed per candidate, after WARM_UP_FRAMES that are not counted. */
export const TIMED_FRAMES = 5;
/** The first frames of a fresh model run slow (graph set-up, caches); measured here: 2–20× the rest. */
export const WARM_UP_FRAMES = 2;

/** Largest median model time that keeps up, ms. */
export function frameBudgetMs(analysisFps = DEFAULT_ANALYSIS_FPS): number {
  return (1000 / analysisFps) * BUDGET_SHARE;
}

export interface EngineTrial {
  spec: EngineSpec;
  /**
   * Median time of one model run, ms. When fewer than TIMED_FRAMES came in
   * the timing window (`slow`), an estimate that is at least the window's
   * length over the frames that came. Undefined when it failed to load.
   */
  medianMs: number | undefined;
  /** It loaded but gave fewer than TIMED_FRAMES timed frames in the window. */
  slow?: boolean;
  /** Frames that came in the window, warm-up included. */
  frames?: number;
  /** Why it would not load (set only then). */
  error?: string;
}

/** The label people see for an engine ("MediaPipe lite"). */
export function engineLabel(spec: EngineSpec): string {
  const choice = ENGINE_CHOICES.find(
    (c) => c.spec.engine === spec.engine && c.spec.model === spec.model,
  );
  return choice ? choice.label.replace(' · ', ' ') : engineName(spec);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * A loaded engine's trial from the model-run times that came (oldest first)
 * within a timing window of `windowMs`, and when each came (ms from the
 * window's start). A window that ended before TIMED_FRAMES counted frames
 * came means the model is slow, not broken. Its time is then the larger of
 * the model's own run time and the gap between frames as they came: after
 * the first frame (a cold start is slow once, not every frame), else the
 * wait for a second frame, else the whole window.
 */
export function timedTrial(
  spec: EngineSpec,
  runsMs: readonly number[],
  windowMs: number,
  arrivalsMs: readonly number[] = [],
): EngineTrial {
  const counted = runsMs.slice(WARM_UP_FRAMES);
  const frames = runsMs.length;
  if (counted.length >= TIMED_FRAMES) return { spec, medianMs: median(counted), frames };
  const measured = frames ? median(counted.length ? counted : runsMs) : 0;
  const first = arrivalsMs[0];
  const last = arrivalsMs.at(-1);
  const gap =
    first === undefined || last === undefined
      ? windowMs / Math.max(1, frames)
      : arrivalsMs.length >= 2
        ? (last - first) / (arrivalsMs.length - 1)
        : windowMs - first;
  return { spec, medianMs: Math.max(measured, gap), slow: true, frames };
}

/** The trial of an engine that would not load. */
export function failedTrial(spec: EngineSpec, error: unknown): EngineTrial {
  return {
    spec,
    medianMs: undefined,
    error: error instanceof Error ? error.message : String(error),
  };
}

/**
 * The order to measure in: the cheapest first, going up while each keeps up
 * (heavier models only get slower, so the first that fails ends the search).
 */
export function measureOrder(): EngineSpec[] {
  return [...AUTO_CANDIDATES].reverse();
}

/** Whether to measure the next (heavier) candidate after this trial. */
export function measureNext(trial: EngineTrial, budgetMs = frameBudgetMs()): boolean {
  return trial.medianMs !== undefined && !trial.slow && trial.medianMs <= budgetMs;
}

/** The most accurate measured engine within budget; the fastest that loaded when none is. */
export function pickEngine(
  trials: EngineTrial[],
  budgetMs = frameBudgetMs(),
): EngineSpec | undefined {
  const loaded = trials.filter((t) => t.medianMs !== undefined);
  for (const candidate of AUTO_CANDIDATES) {
    const t = loaded.find(
      (x) => x.spec.engine === candidate.engine && x.spec.model === candidate.model,
    );
    if (t && !t.slow && t.medianMs! <= budgetMs) return t.spec;
  }
  return [...loaded].sort((a, b) => a.medianMs! - b.medianMs!)[0]?.spec;
}

/** What became of one candidate that was not chosen, in a short clause. */
function trialOutcome(t: EngineTrial, budgetMs: number): string {
  const name = engineLabel(t.spec);
  if (t.medianMs === undefined) return `${name} would not load (${t.error ?? 'no reason given'})`;
  if (t.slow) {
    return t.frames
      ? `${name} loaded but is slow here: ${t.frames} frame${t.frames === 1 ? '' : 's'} in the timing window`
      : `${name} loaded but analysed no frame in the timing window`;
  }
  const ms = Math.round(t.medianMs);
  return ms > budgetMs
    ? `${name} is too slow here (${ms} ms a frame)`
    : `${name}: ${ms} ms a frame`;
}

/**
 * One plain line for the person: which engine the automatic choice took and
 * why, naming what happened to the others (slow is not the same as failed).
 * `pick` undefined: nothing loaded and `fallback` is used instead.
 */
export function describeChoice(
  trials: readonly EngineTrial[],
  pick: EngineSpec | undefined,
  budgetMs = frameBudgetMs(),
  fallback: EngineSpec = AUTO_FALLBACK,
): string {
  const budget = Math.round(budgetMs);
  const isPick = (t: EngineTrial) =>
    pick !== undefined && t.spec.engine === pick.engine && t.spec.model === pick.model;
  const others = trials.filter((t) => !isPick(t)).map((t) => trialOutcome(t, budgetMs));
  const rest = others.length ? ` ${others.join('; ')}.` : '';
  const chosen = trials.find(isPick);
  if (!pick || !chosen || chosen.medianMs === undefined) {
    return `Using ${engineLabel(fallback)}: MediaPipe would not load.${rest}`;
  }
  const ms = Math.round(chosen.medianMs);
  if (!chosen.slow && ms <= budgetMs) {
    return `Chose ${engineLabel(pick)}: ${ms} ms a frame, within the ${budget} ms budget.${rest}`;
  }
  const speed = chosen.slow ? `about ${ms} ms a frame or more` : `${ms} ms a frame`;
  return `Chose ${engineLabel(pick)}, the fastest: ${speed}, over the ${budget} ms budget, so some frames are skipped.${rest}`;
}
