/**
 * The four outcomes of the safety screen, from least to most serious, and
 * the rule that combines them: the most serious one wins.
 */
export const DECISIONS = ['ok', 'not-today', 'see-professional', 'urgent'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Higher is more serious: urgent 3 > see-professional 2 > not-today 1 > ok 0. */
export function decisionSeverity(decision: Decision): number {
  return DECISIONS.indexOf(decision);
}

/** The most serious of the given decisions; `ok` when there are none. */
export function mostSerious(decisions: Iterable<Decision>): Decision {
  let worst: Decision = 'ok';
  for (const d of decisions) if (decisionSeverity(d) > decisionSeverity(worst)) worst = d;
  return worst;
}
