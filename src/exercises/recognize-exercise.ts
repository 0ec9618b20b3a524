/**
 * Tells which of the three stretches a person is doing (or none) from the
 * stream of features, so the app can start the right checker by itself.
 * Each frame votes from the body's placement (seated, lying, folded…); the answer is the exercise that
 * wins a clear majority of the recent votes. Pure: time is an argument.
 */
import { ORIENTATION_RULES } from '../core/body-orientation.ts';
import type { Features } from '../core/features.ts';
import type { ExerciseId } from './exercise-ids.ts';

/** What the body's placement (core/body-orientation.ts) adds, each with why. */
export const RECOGNITION_RULES = {
  /** A knee bent at least this much (angle under it) when lying back: the roller, degrees. */
  bentKneeMaxDeg: 130,
  /**
   * Sitting up with the legs unseen or unclear (front views hide them) but
   * the torso turned at least this far: the twist, degrees. Standing square
   * to the laptop, getting ready, reads under ~10. With the windowed
   * estimate, on a dev fold its weights never saw (2026-12-04 20:45 UTC, 20
   * twists, 9 negatives; MediaPipe / tfjs): 15 named the twist 2.9 / 2.8 s
   * after coming into position (3.3 / 3.4 at 20) but named one more
   * negative (tfjs); 12 named 3 of 9 negatives on each engine; 25 left
   * 6 / 5 of 20 twists never named (4 / 4 at 20). Kept at 20.
   */
  turnedUprightMinDeg: 20,
  /**
   * Folded forward counts as child's pose only on sharply bent knees (the
   * sharper knee at most this, degrees) when a knee is seen: a standing or
   * seated forward fold keeps the legs long (issue 14's negatives). Dev set
   * (03:05 UTC): folded frames of the child's-pose clips 20–58 (p5–p95,
   * both engines), of the forward-fold negative 173–179; the negative went
   * from 153 of 209 frames named to none.
   */
  childKneeMaxDeg: 100,
  /**
   * …and with the arms reaching forward past the head: the wider shoulder
   * angle between hip and wrist at least this, degrees, where an arm is
   * seen. On all fours the arms stand straight down from the trunk, lying
   * flat the knees are straight. Dev set (2026-12-04 03:15 UTC, 55 child's-pose
   * clips, 48 negatives; frames that voted child's pose): in the pose
   * (in position or holding) the angle read 138–144 at p5 when folded and
   * 87–130 at p5, 138–166 median, read as on all fours (hips left high);
   * the all-fours negative 86–99 median, 97 at p95; lying flat had the
   * knees at 150–168. Before → after (the same 56 child's-pose clips and 48
   * negatives, MediaPipe / tfjs): negatives named 25 → 16 and 21 → 11 of 48;
   * child's pose never named 2 → 4 and 5 → 6 of 56 (outside views whose
   * trunk reads upright); named a median 0.1 / 0.2 s after coming into
   * position (0.0 before: it was named on all fours, before the fold).
   */
  childArmsForwardMinDeg: 115,
  /**
   * Lying back whatever the image shows: the chest faces up at least this
   * much (Features.chestUpWorld, sine of the recline; the world points). The
   * image lean misleads at an angle: a roller seen from its head end read
   * past horizontal (folded), one from a high oblique camera 47°. Dev set
   * (2026-12-04 03:45 UTC, in-pose frames, p10 / median): the roller 0.23–0.68
   * / 0.78–0.95; child's pose, all fours, sitting and the twist under 0.2 at
   * p90 (but all fours with tfjs at 45°). Before → after (59 roller clips,
   * 48 negatives, MediaPipe / tfjs): the roller never named 17 → 8 and
   * 19 → 10 of 59, its frames named as another stretch 13 % → 1 % and
   * 11 % → 0 %; negatives named 16 → 16 and 11 → 14 of 48 (lying twists,
   * on the back with the knees up, now read as the roller more often).
   * Tried, dropped: the roller only with a wrist near the head or the other
   * shoulder (≤ 0.9 / 0.6 torso): negatives 16 → 10 and 14 → 8, but the
   * roller never named 8 → 11 and 10 → 15.
   */
  lyingBackMinChestUp: 0.5,
  /** Child's pose faces the floor: the chest up at most this, where known. */
  childMaxChestUp: 0.2,
} as const;

/**
 * Kneeling with the arms forward, as far as the frame shows: a seen knee
 * sharply bent and a seen arm reaching past the head.
 */
function kneelingArmsForward(f: Features): boolean {
  const knees = Object.values(f.kneeAngleDeg);
  const arms = Object.values(f.shoulderAngleDeg);
  return (
    (!knees.length || Math.min(...knees) <= RECOGNITION_RULES.childKneeMaxDeg) &&
    (!arms.length || Math.max(...arms) >= RECOGNITION_RULES.childArmsForwardMinDeg) &&
    !(f.chestUpWorld !== undefined && f.chestUpWorld > RECOGNITION_RULES.childMaxChestUp)
  );
}

/** Lying back with a knee bent: the roller's shape (a lying twist shares it). */
function kneeBentLyingBack(f: Features): boolean {
  const knees = Object.values(f.kneeAngleDeg);
  return knees.length > 0 && Math.min(...knees) <= RECOGNITION_RULES.bentKneeMaxDeg;
}

/** One frame's vote, or undefined when the shape fits none or cannot be seen. */
export function voteExercise(f: Features): ExerciseId | undefined {
  if (!f.usable) return undefined;
  if (f.chestUpWorld !== undefined && f.chestUpWorld >= RECOGNITION_RULES.lyingBackMinChestUp)
    return kneeBentLyingBack(f) ? 'foam-roller' : undefined;
  switch (f.orientation) {
    case 'seated': {
      // Sitting square is not yet the twist: sitting upright is one of the negatives (issue 14).
      // Dev set cost (03:05 UTC): the twist is named 1–4 s later, 4–5 s into a clip that
      // starts square, instead of ~1 s.
      const turned =
        f.torsoRotationDeg !== undefined &&
        Math.abs(f.torsoRotationDeg) >= RECOGNITION_RULES.turnedUprightMinDeg;
      return turned ? 'seated-twist' : undefined;
    }
    // On all fours too: on the way into child's pose, or in it with the hips left high
    // (child-s00002 read all fours throughout). The arms tell it from all fours and
    // cat–cow (negatives), the knees from lying flat read as on all fours.
    case 'folded':
    case 'all-fours':
      return kneelingArmsForward(f) ? 'childs-pose' : undefined;
    case 'lying':
      return kneeBentLyingBack(f) ? 'foam-roller' : undefined;
    case 'upright':
      return undefined;
    case undefined: {
      const sittingUp =
        f.trunkLeanDeg !== undefined && f.trunkLeanDeg <= ORIENTATION_RULES.uprightMaxLeanDeg;
      const turned =
        f.torsoRotationDeg !== undefined &&
        Math.abs(f.torsoRotationDeg) >= RECOGNITION_RULES.turnedUprightMinDeg;
      return sittingUp && turned ? 'seated-twist' : undefined;
    }
  }
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
