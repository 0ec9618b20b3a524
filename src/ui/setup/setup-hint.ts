/**
 * Which setup hint to speak, and when: only the highest-ranked problem, one
 * at a time. Pure: the time is an argument.
 */
import { firstProblem, type SetupCheck, type SetupCheckId } from './setup-check.ts';

export const SETUP_HINT_TIMING = {
  /** The same hint again after this long, ms: often enough to help, rare enough not to nag. */
  repeatMs: 6000,
  /**
   * A different hint no sooner than this after the last, ms: a hint takes
   * under 3 s to say, so two never overlap or pile up in the speech queue.
   */
  minGapMs: 3000,
} as const;

/** The last hint spoken. */
export interface SpokenHint {
  id: SetupCheckId;
  atMs: number;
}

/** The hint to say at `nowMs`, or undefined to stay quiet. */
export function setupHintToSay(
  checks: readonly SetupCheck[],
  last: SpokenHint | undefined,
  nowMs: number,
  timing = SETUP_HINT_TIMING,
): SetupCheck | undefined {
  const top = firstProblem(checks);
  if (!top) return undefined;
  if (!last) return top;
  const since = nowMs - last.atMs;
  return since >= (top.id === last.id ? timing.repeatMs : timing.minGapMs) ? top : undefined;
}
