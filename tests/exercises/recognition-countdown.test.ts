import { describe, expect, it } from 'vitest';
import { RecognitionCountdown } from '../../src/exercises/recognition-countdown.ts';

/** Feeds the same answer every 100 ms from `fromMs` up to `toMs`; returns the states. */
function feed(
  c: RecognitionCountdown,
  answer: Parameters<RecognitionCountdown['update']>[0],
  fromMs: number,
  toMs: number,
  allowed = true,
) {
  const out = [];
  for (let t = fromMs; t <= toMs; t += 100) out.push({ t, s: c.update(answer, allowed, t) });
  return out;
}

describe('RecognitionCountdown', () => {
  it('counts 3, 2, 1 and goes once, 3 s after the stretch is named', () => {
    const c = new RecognitionCountdown();
    const states = feed(c, 'seated-twist', 0, 3500);
    expect(states[0]!.s).toMatchObject({ kind: 'counting', secondsLeft: 3 });
    expect(states.find((x) => x.t === 1500)!.s).toMatchObject({ secondsLeft: 2 });
    expect(states.find((x) => x.t === 2500)!.s).toMatchObject({ secondsLeft: 1 });
    const go = states.filter((x) => x.s.kind === 'go');
    expect(go.map((x) => x.t)).toEqual([3000]);
    // After going it starts again only if asked (the coach accepts and stops feeding it).
    expect(states.find((x) => x.t === 3100)!.s.kind).toBe('counting');
  });

  it('a stretch the safety check closed never counts down', () => {
    const c = new RecognitionCountdown();
    expect(feed(c, 'foam-roller', 0, 4000, false).every((x) => x.s.kind === 'idle')).toBe(true);
  });

  it('declined: no countdown for that stretch again, but another one still gets one', () => {
    const c = new RecognitionCountdown();
    feed(c, 'childs-pose', 0, 1000);
    c.decline();
    expect(feed(c, 'childs-pose', 1100, 6000).every((x) => x.s.kind === 'idle')).toBe(true);
    expect(feed(c, 'seated-twist', 6100, 6100)[0]!.s.kind).toBe('counting');
  });

  it('a short loss of the answer does not restart it; a long one cancels it', () => {
    const c = new RecognitionCountdown();
    feed(c, 'seated-twist', 0, 1000);
    feed(c, undefined, 1100, 1600);
    expect(c.update('seated-twist', true, 1700)).toMatchObject({ kind: 'counting', startedMs: 0 });
    feed(c, undefined, 1800, 3000);
    expect(c.update('seated-twist', true, 3100)).toMatchObject({ startedMs: 3100 });
  });

  it('a different stretch restarts the count', () => {
    const c = new RecognitionCountdown();
    feed(c, 'seated-twist', 0, 2000);
    expect(c.update('childs-pose', true, 2100)).toMatchObject({
      kind: 'counting',
      exercise: 'childs-pose',
      secondsLeft: 3,
    });
  });
});

describe('RecognitionCountdown on a slow device (a frame every 2 s)', () => {
  it('one frame without the answer does not cancel it; the count still ends', () => {
    const c = new RecognitionCountdown();
    expect(c.update('seated-twist', true, 0).kind).toBe('counting');
    expect(c.update('seated-twist', true, 2000).kind).toBe('counting');
    // Past 3 s, but this frame does not show it: wait for one that does.
    expect(c.update(undefined, true, 4000)).toMatchObject({ kind: 'counting', secondsLeft: 1 });
    expect(c.update('seated-twist', true, 6000)).toMatchObject({ kind: 'go' });
  });
});
