/**
 * Tells which of the three stretches a person is doing (or none) from the
 * stream of features, so the app can start the right checker by itself.
 * Each frame votes from the body's shape; the answer is the exercise that
 * wins a clear majority of the recent votes. Pure: time is an argument.
 */
import type { Features } from '../core/features.ts';
import type { ExerciseId } from './exercise-ids.ts';

/** Body-shape rules, body-relative so they hold at any distance. */
export const RECOGNITION_RULES = {
  /** Trunk within this of vertical: sitting up (the twist), degrees. */
  uprightMaxLeanDeg: 40,
  /** Seated: hips within this many thigh lengths of the floor line (standing is ~2)… */
  seatedMaxHipThighs: 1.1,
  /** …or knees at most this far below the hips, torso lengths (standing is ~0.8). */
  seatedMaxKneeDropTorso: 0.45,
  /** Trunk at least this far from vertical: lying back or folded forward, degrees. */
  lowMinLeanDeg: 50,
  /** Folded forward with the head below the hips (child's pose): trunk past horizontal, degrees. */
  headDownMinLeanDeg: 92,
  /** Kneeling (all fours or child's pose): hips this high over the floor line, thigh lengths. */
  kneelingMinHipThighs: 0.75,
  /** A knee bent at least this much (angle under it), degrees. */
  bentKneeMaxDeg: 130,
} as const;

/** One frame's vote, or undefined when the shape fits none or cannot be seen. */
export function voteExercise(f: Features): ExerciseId | undefined {
  const r = RECOGNITION_RULES;
  const lean = f.trunkLeanDeg;
  const hip = f.hipHeightThighs;
  if (!f.usable || lean === undefined) return undefined;
  const knees = Object.values(f.kneeAngleDeg);
  const kneeBent = knees.length > 0 && Math.min(...knees) <= r.bentKneeMaxDeg;
  if (lean <= r.uprightMaxLeanDeg) {
    const seated =
      (hip !== undefined && hip <= r.seatedMaxHipThighs) ||
      (f.kneeDropTorso !== undefined && f.kneeDropTorso <= r.seatedMaxKneeDropTorso);
    return seated ? 'seated-twist' : undefined;
  }
  if (lean < r.lowMinLeanDeg) return undefined;
  if (lean >= r.headDownMinLeanDeg) return 'childs-pose';
  if (hip !== undefined && hip >= r.kneelingMinHipThighs) return 'childs-pose'; // on all fours, on the way in
  return kneeBent ? 'foam-roller' : undefined;
}

export interface RecognizerOptions {
  /** Votes from this long back count, ms. */
  windowMs?: number;
  /** Share of the window's frames one exercise must win. */
  majority?: number;
  /** Least evidence before answering, ms of votes. */
  minEvidenceMs?: number;
}

export const DEFAULT_RECOGNIZER: Required<RecognizerOptions> = {
  windowMs: 2000,
  majority: 0.7,
  minEvidenceMs: 1000,
};

export class ExerciseRecognizer {
  private readonly opts: Required<RecognizerOptions>;
  private readonly votes: { tMs: number; vote: ExerciseId | undefined }[] = [];

  constructor(options: RecognizerOptions = {}) {
    this.opts = { ...DEFAULT_RECOGNIZER, ...options };
  }

  /** Adds a frame; returns the exercise recognised so far, if any. */
  update(features: Features, tMs: number): ExerciseId | undefined {
    const last = this.votes.at(-1);
    if (!Number.isFinite(tMs) || (last && tMs <= last.tMs)) return this.current();
    this.votes.push({ tMs, vote: voteExercise(features) });
    while (this.votes.length && this.votes[0]!.tMs < tMs - this.opts.windowMs) this.votes.shift();
    return this.current();
  }

  current(): ExerciseId | undefined {
    const first = this.votes[0];
    const last = this.votes.at(-1);
    if (!first || !last || last.tMs - first.tMs < this.opts.minEvidenceMs) return undefined;
    const counts = new Map<ExerciseId, number>();
    for (const { vote } of this.votes) if (vote) counts.set(vote, (counts.get(vote) ?? 0) + 1);
    for (const [id, n] of counts) if (n / this.votes.length >= this.opts.majority) return id;
    return undefined;
  }

  reset(): void {
    this.votes.length = 0;
  }
}
