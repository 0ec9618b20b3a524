import { describe, expect, it } from 'vitest';
import type { Features } from '../../src/core/features.ts';
import type { Checker, Phase, Verdict } from '../../src/exercises/checker.ts';
import { ENTRY_GRACE, withEntryGrace } from '../../src/exercises/entry-grace.ts';
import type { CueCode } from '../../src/feedback/cue-vocabulary.ts';
import { featuresOf } from '../support/features.ts';

/** A stand-in checker that says whatever the test scripts for each time (phase, raised, not judged). */
type Script = (tMs: number) => { phase: Phase; raised?: CueCode[]; notJudged?: CueCode[] };
function scripted(script: Script): Checker<null> {
  return {
    exercise: 'foam-roller',
    initial: () => null,
    step: (_s, _f: Features, tMs) => {
      const { phase, raised = [], notJudged = [] } = script(tMs);
      const verdict: Verdict = {
        phase,
        raised,
        formGood: raised.length === 0,
        metrics: {},
        notJudged,
      };
      return { state: null, verdict };
    },
  };
}

const OPTIONS = { graceMs: 5000, newEntryAfterMs: 2000, steadyOverMs: 1000 };

/** The hands' distance from the head: on the way in unless a test says otherwise. */
type Hands = (tMs: number) => number;
const rising: Hands = (t) => Math.max(0.3, 2 - t / 1000);
/** Still moving at 0.5 torso lengths a second: never settled. */
const drifting: Hands = (t) => 3 - t / 2000;

/** Frames every 100 ms; the raised codes per frame after the grace. */
function run(untilMs: number, script: Script, hands: Hands = rising) {
  const checker = withEntryGrace(scripted(script), OPTIONS, [
    { code: 'support-neck', measure: (f) => f.wristToHeadTorso, steadyPerS: 0.15 },
  ]);
  let state = checker.initial();
  const out: { t: number; raised: CueCode[] }[] = [];
  for (let t = 0; t <= untilMs; t += 100) {
    const step = checker.step(state, featuresOf({ wristToHeadTorso: hands(t) }), t);
    state = step.state;
    out.push({ t, raised: step.verdict.raised });
  }
  return out;
}
const raisedAt = (frames: ReturnType<typeof run>, t: number) =>
  frames.find((f) => f.t === t)!.raised;

describe('entry grace', () => {
  it('holds a correction back while its check has not yet been clear since coming into position', () => {
    // Arms still rising for 1.5 s, then on the head, then off again from 3 s.
    const frames = run(4000, (t) => ({
      phase: 'in-position',
      raised: t < 1500 || t >= 3000 ? ['support-neck'] : [],
    }));
    expect(raisedAt(frames, 1000)).toEqual([]);
    expect(raisedAt(frames, 3500)).toEqual(['support-neck']);
  });

  it('passes it on after graceMs even if the check was never clear and the hands never settle', () => {
    const frames = run(6000, () => ({ phase: 'in-position', raised: ['support-neck'] }), drifting);
    expect(raisedAt(frames, 4900)).toEqual([]);
    expect(raisedAt(frames, 5000)).toEqual(['support-neck']);
  });

  it('passes it on once the measure has settled: someone who arrives with the hands down and keeps them there', () => {
    const frames = run(
      2000,
      () => ({ phase: 'in-position', raised: ['support-neck'] }),
      () => 1.6,
    );
    expect(raisedAt(frames, 500)).toEqual([]);
    expect(raisedAt(frames, 1000)).toEqual(['support-neck']);
  });

  it('never holds back a safety cue or a cue that is not a correction', () => {
    const frames = run(500, () => ({ phase: 'in-position', raised: ['ease-off', 'pause-here'] }));
    expect(raisedAt(frames, 0)).toEqual(['ease-off', 'pause-here']);
  });

  it('a frame where the check is not judged does not count as clear', () => {
    const frames = run(
      3000,
      (t) =>
        t < 1000
          ? { phase: 'in-position', notJudged: ['support-neck'] }
          : { phase: 'in-position', raised: ['support-neck'] },
      drifting,
    );
    expect(raisedAt(frames, 2500)).toEqual([]);
  });

  it('a short flicker out of position keeps the spell; a longer absence starts a new entry', () => {
    // Clear at first (so the grace is over), then out of position for a while, back with the fault.
    const script =
      (outMs: number): Script =>
      (t) =>
        t < 1000
          ? { phase: 'in-position' }
          : t < 1000 + outMs
            ? { phase: 'resting' }
            : { phase: 'in-position', raised: ['support-neck'] };
    expect(raisedAt(run(2500, script(500)), 2000)).toEqual(['support-neck']);
    expect(raisedAt(run(4500, script(2500)), 4000)).toEqual([]);
  });

  it('the app uses a 5 s grace (chosen on the dev set)', () => {
    expect(ENTRY_GRACE).toEqual({ graceMs: 5000, newEntryAfterMs: 2000, steadyOverMs: 1000 });
  });
});
