/**
 * Hands-free control read from the pose, so a person on the mat never has to
 * reach the keyboard:
 * - **stop**: both arms raised above the head, held 2 s, while sitting or
 *   kneeling up (any stretch). Lying, folded or on all fours it cannot
 *   fire, and none of the three stretches puts a hand above the head.
 * - **pause / resume** (roller and child's pose only): sitting up out of the
 *   position, after having been in it, pauses; going back into it resumes.
 *   The twist is done sitting up, so it has no such pause.
 * Judged only on what is seen: a point under the visibility bar makes the
 * frame count as "not raised". Pure: time is an argument.
 */
import { BodyPoints, SIDES } from '../core/body-points.ts';
import type { Features } from '../core/features.ts';
import type { PoseFrame } from '../core/pose-frame.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { GESTURE_CONFIG, type GestureConfig } from './pose-gesture-config.ts';

export type GestureEvent = 'stop' | 'pause' | 'resume';

/**
 * Both arms raised while the trunk is upright, from the seen points only:
 * one arm clearly straight up above the head, the other up too (its wrist
 * over its shoulder and elbow). Hands laced behind the head never reach the
 * first; one hand up while the other rests never passes the second.
 */
export function armsRaised(
  frame: PoseFrame | null,
  f: Features,
  config: GestureConfig = GESTURE_CONFIG,
): boolean {
  if (!frame || !f.usable || f.trunkLeanDeg === undefined) return false;
  if (f.trunkLeanDeg > config.uprightMaxLeanDeg) return false;
  const b = new BodyPoints(frame);
  const torso = b.torsoLength();
  const head = b.head();
  if (!torso || !head) return false;
  // Image y grows downward: "above" is a smaller y. Heights in torso lengths.
  const arms = SIDES.map((side) => {
    const wrist = b.side(side, 'wrist');
    const elbow = b.side(side, 'elbow');
    const shoulder = b.side(side, 'shoulder');
    if (!wrist || !elbow || !shoulder) return undefined;
    return {
      wristOverHead: (head.y - wrist.y) / torso,
      elbowOverShoulder: (shoulder.y - elbow.y) / torso,
      wristOverShoulder: (shoulder.y - wrist.y) / torso,
      wristOverElbow: (elbow.y - wrist.y) / torso,
    };
  });
  const [l, r] = arms;
  if (!l || !r) return false;
  const straightUp = (a: typeof l) =>
    a.wristOverHead >= config.raisedWristAboveHeadTorso &&
    a.elbowOverShoulder >= config.raisedElbowAboveShoulderTorso;
  const up = (a: typeof l) =>
    a.wristOverShoulder >= config.otherWristAboveShoulderTorso &&
    a.wristOverElbow >= config.otherWristAboveElbowTorso;
  return (straightUp(l) && up(r)) || (straightUp(r) && up(l));
}

/**
 * A condition that must hold over consecutive frames for a while. One off
 * frame in between is forgiven (the model misplaces a point now and then);
 * two in a row, or a gap longer than the limit, start it again.
 */
class Held {
  private since: number | undefined;
  private lastMs = Number.NEGATIVE_INFINITY;
  private misses = 0;

  /** How long the condition has held, ms (0 on a frame where it does not). */
  update(holds: boolean, tMs: number, maxGapMs: number): number {
    if (tMs - this.lastMs > maxGapMs) this.since = undefined;
    this.lastMs = tMs;
    if (!holds) {
      this.misses++;
      if (this.misses >= 2) this.since = undefined;
      return 0;
    }
    this.misses = 0;
    this.since ??= tMs;
    return tMs - this.since;
  }

  reset() {
    this.since = undefined;
    this.misses = 0;
  }
}

const PAUSABLE: ReadonlySet<ExerciseId> = new Set(['foam-roller', 'childs-pose']);

export class PoseGestureDetector {
  private readonly raised = new Held();
  private readonly inPosition = new Held();
  private readonly sittingUp = new Held();
  /** The stop gesture fired and the arms have not come down since. */
  private stopLatched = false;
  private downFrames = 0;
  private armed = false;
  private pausedByPose = false;
  private lastMs = Number.NEGATIVE_INFINITY;
  /** Typical time between frames (a running average), ms. */
  private intervalMs: number | undefined;
  /** Share of the stop hold done, 0–1 (for a progress display). */
  stopProgress = 0;

  constructor(
    private exercise: ExerciseId | undefined,
    private readonly config: GestureConfig = GESTURE_CONFIG,
  ) {}

  /** The stretch being coached changed (e.g. a recognised one was accepted): pausing starts afresh. */
  setExercise(exercise: ExerciseId | undefined) {
    if (exercise === this.exercise) return;
    this.exercise = exercise;
    this.armed = false;
    this.pausedByPose = false;
    this.inPosition.reset();
    this.sittingUp.reset();
  }

  /** Whether the last pause came from the pose (so the pose may also resume it). */
  get paused(): boolean {
    return this.pausedByPose;
  }

  /** Feeds one frame (smoothed) and its features; returns the gesture completed on it, if any. */
  update(frame: PoseFrame | null, f: Features, tMs: number): GestureEvent | undefined {
    if (!(tMs > this.lastMs)) return undefined;
    const c = this.config;
    const gapMs = this.gapLimit(tMs);
    this.lastMs = tMs;

    const up = armsRaised(frame, f, c);
    // After a stop the arms must come down (two frames running) before another can start.
    this.downFrames = up ? 0 : this.downFrames + 1;
    if (this.downFrames >= 2) this.stopLatched = false;
    const raisedMs = this.raised.update(up && !this.stopLatched, tMs, gapMs);
    this.stopProgress = Math.min(1, raisedMs / c.stopHoldMs);
    if (raisedMs >= c.stopHoldMs) {
      this.stopLatched = true;
      this.stopProgress = 0;
      this.raised.reset();
      return 'stop';
    }

    if (!this.exercise || !PAUSABLE.has(this.exercise) || !f.usable) return undefined;
    const lean = f.trunkLeanDeg;
    const inPos = lean !== undefined && lean >= c.inPositionMinLeanDeg;
    const sitting = lean !== undefined && lean <= c.uprightMaxLeanDeg;
    const inPosMs = this.inPosition.update(inPos, tMs, gapMs);
    const sittingMs = this.sittingUp.update(sitting, tMs, gapMs);
    if (inPosMs >= c.armAfterMs) this.armed = true;
    if (this.pausedByPose && inPosMs >= c.changeHoldMs) {
      this.pausedByPose = false;
      return 'resume';
    }
    if (this.armed && !this.pausedByPose && sittingMs >= c.changeHoldMs) {
      this.pausedByPose = true;
      return 'pause';
    }
    return undefined;
  }

  /** The longest gap between frames that keeps a hold going, from the frame rate seen so far. */
  private gapLimit(tMs: number): number {
    const c = this.config;
    const step = tMs - this.lastMs;
    // Long breaks (nobody analysed for seconds) are not the frame rate: leave them out.
    if (Number.isFinite(step) && step <= c.maxGapCapMs)
      this.intervalMs = this.intervalMs === undefined ? step : 0.8 * this.intervalMs + 0.2 * step;
    return Math.min(c.maxGapCapMs, Math.max(c.maxGapMs, 2.5 * (this.intervalMs ?? 0)));
  }

  /** The person resumed by hand (key or button): the pose no longer owns the pause. */
  clearPause() {
    this.pausedByPose = false;
  }
}
