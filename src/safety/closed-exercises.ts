/**
 * Why an exercise is closed after the safety check let the person through,
 * and for how long, in words for the stretch picker. Under an `ok` decision
 * an exercise is only ever closed by a cleared rule that does not open it
 * (e.g. the roller after a disc problem: a clearance opens the gentle
 * stretches only), which lasts as long as the answer stands, not a day.
 * Pure: the verdict is an argument.
 */
import { EXERCISE_IDS, type ExerciseId } from '../exercises/exercise-ids.ts';
import type { SafetyVerdict } from './evaluate-safety.ts';
import type { RuleId } from './safety-rules.ts';
import { SCREENING_QUESTIONS } from './screening-questions.ts';

export interface ClosedExercise {
  /** Why, in one or two short sentences. */
  why: string;
  /** For how long, and what would change it. */
  lasts: string;
}

export type ClosedExercises = Partial<Record<ExerciseId, ClosedExercise>>;

/** The person's own answer, as the screening put it, in lower case ("a disc problem…"). */
function answerLabel(id: RuleId): string | undefined {
  const label = SCREENING_QUESTIONS.find((q) => q.id === id)?.label;
  return label ? label.charAt(0).toLowerCase() + label.slice(1) : undefined;
}

/** The exercises closed under `verdict` though it lets the person through, with the reason. */
export function closedExercises(verdict: SafetyVerdict): ClosedExercises {
  const closed: ClosedExercises = {};
  if (verdict.decision !== 'ok') return closed;
  for (const ex of EXERCISE_IDS) {
    if (verdict.open.includes(ex)) continue;
    const blocking = verdict.fired.find((f) => f.cleared && !f.rule.openWithClearance.includes(ex));
    if (!blocking) continue;
    const label = answerLabel(blocking.id);
    closed[ex] = {
      why: `${blocking.rule.reason} Your clinician’s go-ahead opens the gentler stretches only.`,
      lasts: label
        ? `Closed for as long as your answers include ${label}, not just today.`
        : 'Closed for as long as that answer stands, not just today.',
    };
  }
  return closed;
}
