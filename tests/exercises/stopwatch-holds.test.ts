/**
 * Holds timed as a stopwatch would (issue 14): each checker says when the
 * position is held, whatever its view cannot judge, and the hold timer runs
 * on that, counting good-form time apart. Small synthetic step sequences,
 * checker → timer as the exercise pipeline wires them.
 */
import { describe, expect, it } from 'vitest';
import type { Features } from '../../src/core/features.ts';
import { HoldTimer } from '../../src/core/hold-timer.ts';
import type { Checker, Verdict } from '../../src/exercises/checker.ts';
import { childsPoseChecker } from '../../src/exercises/childs-pose/checker.ts';
import { CHILDS_POSE_CONFIG } from '../../src/exercises/childs-pose/config.ts';
import { foamRollerChecker } from '../../src/exercises/foam-roller/checker.ts';
import { seatedTwistChecker } from '../../src/exercises/seated-twist/checker.ts';
import { SEATED_TWIST_CONFIG } from '../../src/exercises/seated-twist/config.ts';
import { featuresOf } from '../support/features.ts';

/** Feeds `frames(t)` every 100 ms to the checker and a timer set up as the pipeline sets it. */
function timed<S>(
  checker: Checker<S>,
  untilMs: number,
  frames: (tMs: number) => Partial<Features>,
) {
  let state = checker.initial();
  const timer = new HoldTimer(checker.holdOptions);
  const verdicts: Verdict[] = [];
  for (let t = 0; t <= untilMs; t += 100) {
    const step = checker.step(state, featuresOf({ ...frames(t), tMs: t }), t);
    state = step.state;
    verdicts.push(step.verdict);
    const good = step.verdict.formGood === true && !step.verdict.raised.some(isFault);
    timer.update(
      step.verdict.phase === 'holding',
      t,
      step.verdict.formGood === undefined ? undefined : good,
    );
  }
  timer.end();
  return { verdicts, holds: timer.holds.map((h) => [h.startMs, h.endMs, h.heldMs]) };
}

const PRAISE = new Set(['good-hold', 'pause-here', 'breathe-out', 'fixed']);
const isFault = (c: string) => !PRAISE.has(c);

/** On the roller seen side-on, knees bent, hands on the head, hips low, feet 1.9 torso lengths away. */
const ROLLER: Partial<Features> = {
  trunkLeanDeg: 78,
  shoulderWidthTorso: 0.05,
  kneeAngleDeg: { left: 90 },
  wristToHeadTorso: 0.5,
  hipHeightThighs: 0.3,
  shoulderToAnkleTorso: 1.9,
  shoulderToAnkleWorldTorso: 2.2,
};

describe('stopwatch holds: the foam roller', () => {
  it('a pause with the hip height unseen is a hold, with no good-form time and no praise', () => {
    const { verdicts, holds } = timed(foamRollerChecker, 8000, () => ({
      ...ROLLER,
      hipHeightThighs: undefined,
    }));
    expect(verdicts.at(-1)).toMatchObject({ phase: 'holding', formGood: undefined });
    expect(verdicts.some((v) => v.raised.includes('pause-here'))).toBe(false);
    expect(holds).toHaveLength(1);
    const [startMs, endMs, goodMs] = holds[0]!;
    expect(goodMs).toBe(0);
    expect(endMs! - startMs!).toBeGreaterThanOrEqual(5000);
  });

  it('with the feet hidden, a pause is read from the world points’ slide', () => {
    const hidden = { ...ROLLER, shoulderToAnkleTorso: undefined };
    const still = timed(foamRollerChecker, 6000, () => hidden);
    expect(still.verdicts.at(-1)!.phase).toBe('holding');
    expect(still.verdicts.at(-1)!.metrics.rollerAt).toBeUndefined();
    // Sliding 0.15 torso lengths a second in the world points: rolling.
    const rolling = timed(foamRollerChecker, 6000, (t) => ({
      ...hidden,
      shoulderToAnkleWorldTorso: 2.2 + (t / 1000) * 0.15,
    }));
    expect(rolling.verdicts.slice(15).every((v) => v.phase === 'in-position')).toBe(true);
    expect(rolling.holds).toEqual([]);
  });

  it('a fault seen during the pause ends the hold there', () => {
    // Hips bridged from 5 s: the hold is 1–5 s (its first second is the drift's window).
    const { holds } = timed(foamRollerChecker, 9000, (t) => ({
      ...ROLLER,
      hipHeightThighs: t >= 5000 ? 0.62 : 0.3,
    }));
    expect(holds).toHaveLength(1);
    expect(holds[0]![1]).toBe(4900);
  });
});

/** Folded on bent knees, hips back, palms together (2D gap). */
const CHILD: Partial<Features> = {
  trunkLeanDeg: 100,
  kneeAngleDeg: { left: 32 },
  hipsToHeelsThighs: 0.45,
  wristGapTorso: 0.1,
};

describe('stopwatch holds: child’s pose', () => {
  it('starts once the body has come to rest, not while the arms still reach forward', () => {
    const moving = CHILDS_POSE_CONFIG.settledBelowTorsoPerS * 3;
    const { holds } = timed(childsPoseChecker, 8000, (t) => ({
      ...CHILD,
      bodyMotionTorsoPerS: t < 2000 ? moving : 0.02,
    }));
    expect(holds).toEqual([[2000, 8000, 6000]]);
  });

  it('a moment of motion inside the hold does not end it, and with the form good through it, its time counts', () => {
    const moving = CHILDS_POSE_CONFIG.settledBelowTorsoPerS * 3;
    const { holds } = timed(childsPoseChecker, 8000, (t) => ({
      ...CHILD,
      bodyMotionTorsoPerS: t >= 4000 && t < 4500 ? moving : 0.02,
    }));
    // A stopwatch runs on through a fidget; the form stayed good, so all 8 s are good-form time.
    expect(holds).toEqual([[0, 8000, 8000]]);
  });

  it('a flat back just under horizontal with the knees folded tight is in the pose; all fours is not', () => {
    const flat = timed(childsPoseChecker, 4000, () => ({ ...CHILD, trunkLeanDeg: 88 }));
    expect(flat.verdicts.at(-1)!.phase).toBe('holding');
    expect(flat.holds).toHaveLength(1);
    const allFours = timed(childsPoseChecker, 4000, () => ({
      ...CHILD,
      trunkLeanDeg: 88,
      kneeAngleDeg: { left: 90 },
      hipsToHeelsThighs: 1.2,
    }));
    expect(allFours.verdicts.every((v) => v.phase === 'setup')).toBe(true);
    expect(allFours.holds).toEqual([]);
  });

  it('a hold shorter than the minimum is dropped', () => {
    const { holds } = timed(childsPoseChecker, 6000, (t) => ({
      ...CHILD,
      trunkLeanDeg: t >= 1000 && t < 3000 ? 100 : 60,
    }));
    expect(holds).toEqual([]);
  });
});

describe('stopwatch holds: the seated twist', () => {
  it('starts when the turn has come to rest', () => {
    const turning = SEATED_TWIST_CONFIG.settledBelowTorsoPerS * 3;
    const { verdicts, holds } = timed(seatedTwistChecker, 8000, (t) => ({
      trunkLeanDeg: 4,
      trunkLeanWorldDeg: 5,
      torsoRotationDeg: -35,
      bodyMotionTorsoPerS: t < 3000 ? turning : 0.02,
    }));
    expect(verdicts[10]!.phase).toBe('in-position');
    expect(holds).toEqual([[3000, 8000, 5000]]);
  });
});
