import { describe, expect, it } from 'vitest';
import type { CueCode } from '../../src/feedback/cue-vocabulary.ts';
import { type CueEvent, FeedbackPolicy } from '../../src/feedback/feedback-policy.ts';

/**
 * Runs frames every 100 ms; `raisedAt(t)` gives the conditions raised at t
 * ms, `praiseAt(t)` whether praise may be given then (default: always).
 */
function run(
  untilMs: number,
  raisedAt: (t: number) => CueCode[],
  policy = new FeedbackPolicy(),
  praiseAt: (t: number) => boolean = () => true,
) {
  const events: CueEvent[] = [];
  for (let t = 0; t <= untilMs; t += 100) {
    const e = policy.update(raisedAt(t), t, praiseAt(t));
    if (e) events.push(e);
  }
  return events;
}

describe('FeedbackPolicy', () => {
  it('says a correction at most twice while its condition holds unbroken; again once it has cleared', () => {
    // Not at 8.7 and 12.7 s (the third and fourth time); the new run from 15 s gets its two.
    const events = run(24000, (t) => (t < 14000 || t >= 15000 ? ['keep-hips-low'] : []));
    expect(events.filter((e) => e.code === 'keep-hips-low').map((e) => e.tMs)).toEqual([
      700, 4700, 15700, 19700,
    ]);
  });

  it('the cap does not hold back a safety cue', () => {
    const events = run(13000, () => ['ease-off']);
    expect(events.map((e) => e.tMs)).toEqual([700, 4700, 8700, 12700]);
  });

  it('fires a cue only after its condition has held 0.7 s, then waits 4 s to repeat', () => {
    const events = run(9000, (t) => (t >= 1000 ? ['keep-hips-low'] : []));
    expect(events).toEqual([
      { code: 'keep-hips-low', tMs: 1700 },
      { code: 'keep-hips-low', tMs: 5700 },
    ]);
  });

  it('praise is said once per 20 s while it holds, and a correction may follow it after 1.5 s', () => {
    const events = run(25000, (t) => [
      'good-hold',
      ...(t >= 2000 && t < 3000 ? ['keep-hips-low' as const] : []),
    ]);
    expect(events.map((e) => [e.code, e.tMs])).toEqual([
      ['good-hold', 700],
      ['keep-hips-low', 2700], // 2.0 s after the praise: not held back the full 2.5 s
      ['fixed', 5200],
      ['good-hold', 20700],
    ]);
  });

  it('a flicker shorter than 0.7 s gives no cue', () => {
    expect(run(5000, (t) => (t % 1000 < 600 ? ['sit-tall'] : []))).toEqual([]);
  });

  it('the most important cue goes first; the next waits for room', () => {
    const events = run(6000, (t) => [
      'keep-hips-low',
      'whole-body',
      ...(t < 1500 ? ['ease-off' as const] : []),
    ]);
    expect(events.map((e) => [e.code, e.tMs])).toEqual([
      ['ease-off', 700], // safety
      ['whole-body', 3200], // setup, 2.5 s later
      ['keep-hips-low', 5700], // form
    ]);
  });

  it('safety does not wait for room after another cue', () => {
    const events = run(3000, (t) => (t < 1000 ? ['sit-tall'] : ['sit-tall', 'ease-off']));
    expect(events.map((e) => [e.code, e.tMs])).toEqual([
      ['sit-tall', 700],
      ['ease-off', 1700],
    ]);
  });

  it('says "fixed" once when a cued fault clears', () => {
    const events = run(8000, (t) => (t < 3000 ? ['palms-together'] : []));
    expect(events.map((e) => [e.code, e.tMs])).toEqual([
      ['palms-together', 700],
      ['fixed', 3200], // cleared at 3000, room after 2.5 s from the last cue
    ]);
  });

  it('a fault back before "fixed" could be said keeps waiting for its real fix', () => {
    // Cued at 700; gone 1000–1400 (no room yet to say "fixed"); back 1500–3900; gone from 4000.
    const events = run(8000, (t) =>
      t < 1000 || (t >= 1500 && t < 4000) ? ['palms-together'] : [],
    );
    expect(events.map((e) => [e.code, e.tMs])).toEqual([
      ['palms-together', 700],
      ['fixed', 4000],
    ]);
  });

  it('ignores frames whose time does not move forward; reset() starts over', () => {
    const p = new FeedbackPolicy();
    expect(p.update(['sit-tall'], 0)).toBeUndefined();
    expect(p.update(['sit-tall'], 800)).toEqual({ code: 'sit-tall', tMs: 800 });
    expect(p.update(['sit-tall'], 700)).toBeUndefined();
    p.reset();
    expect(p.update(['sit-tall'], 100)).toBeUndefined();
    expect(p.update(['sit-tall'], 900)).toEqual({ code: 'sit-tall', tMs: 900 });
  });

  it('praise waits for a frame that allows it (the hold counting), then comes at once', () => {
    // "good-hold" raised from 0, but the ring only moves from 2000 ms.
    const events = run(
      3000,
      () => ['good-hold'],
      new FeedbackPolicy(),
      (t) => t >= 2000,
    );
    expect(events).toEqual([{ code: 'good-hold', tMs: 2000 }]);
  });

  it('a correction is never held back by praise that may not be given', () => {
    const events = run(
      3000,
      () => ['good-hold', 'sit-tall'],
      new FeedbackPolicy(),
      () => false,
    );
    expect(events).toEqual([{ code: 'sit-tall', tMs: 700 }]);
  });

  it('"fixed" waits while the form is not good yet, and lapses 5 s after the fault cleared', () => {
    // Cued at 700, cleared at 1000; the form turns good only at 4500 (fixed said then, 3.5 s on).
    const soon = run(
      8000,
      (t) => (t < 1000 ? ['keep-hips-low'] : []),
      new FeedbackPolicy(),
      (t) => t >= 4500,
    );
    expect(soon.map((e) => [e.code, e.tMs])).toEqual([
      ['keep-hips-low', 700],
      ['fixed', 4500],
    ]);
    // Good only from 6500, 5.5 s after the fault cleared: "Better" no longer answers anything.
    const late = run(
      9000,
      (t) => (t < 1000 ? ['keep-hips-low'] : []),
      new FeedbackPolicy(),
      (t) => t >= 6500,
    );
    expect(late.map((e) => [e.code, e.tMs])).toEqual([['keep-hips-low', 700]]);
  });
});
