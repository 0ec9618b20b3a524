/**
 * The automatic engine choice: the most accurate model whose measured
 * per-frame time keeps up with the analysis rate the coach needs. Pure:
 * the timings are measured by the caller (live-coach, a few frames each).
 */
import type { EngineSpec } from '../pose/create-pose-engine.ts';

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

/** Largest median model time that keeps up, ms. */
export function frameBudgetMs(analysisFps = DEFAULT_ANALYSIS_FPS): number {
  return (1000 / analysisFps) * BUDGET_SHARE;
}

export interface EngineTrial {
  spec: EngineSpec;
  /** Median per-frame time measured here, ms; undefined when it failed to load. */
  medianMs: number | undefined;
}

/**
 * The order to measure in: the cheapest first, going up while each keeps up
 * (heavier models only get slower, so the first that fails ends the search).
 */
export function measureOrder(): EngineSpec[] {
  return [...AUTO_CANDIDATES].reverse();
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
    if (t && t.medianMs! <= budgetMs) return t.spec;
  }
  return [...loaded].sort((a, b) => a.medianMs! - b.medianMs!)[0]?.spec;
}
