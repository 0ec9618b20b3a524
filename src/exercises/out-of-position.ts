/**
 * The verdict every checker gives when the person is not in the exercise's
 * position: nothing to judge, and when nobody can be seen at all, a setup
 * cue to come back into view (the head-down of child's pose loses the
 * track; the coach says so rather than guess).
 */
import type { Features } from '../core/features.ts';
import type { Phase, Verdict } from './checker.ts';

export function outOfPosition(previous: Phase, f: Features, metrics: Verdict['metrics']): Verdict {
  // After a hold or a rest the person is resting; before any, still setting up.
  const phase: Phase = previous === 'setup' ? 'setup' : 'resting';
  return {
    phase,
    raised: f.usable ? [] : ['move-into-view'],
    formGood: f.usable ? false : undefined,
    metrics,
  };
}
