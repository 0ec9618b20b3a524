import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_TIMER, HoldTimer } from '../../src/core/hold-timer.ts';

/** Feeds one frame every `everyMs` from a string: g = good, x = off, ? = unseen. */
function run(pattern: string, timer = new HoldTimer(), everyMs = 100, jitterMs = 0) {
  for (const [i, c] of [...pattern].entries()) {
    // Odd frames arrive late by `jitterMs`: a real loop never keeps exact time.
    timer.update(
      c === 'g' ? true : c === 'x' ? false : undefined,
      i * everyMs + (i % 2) * jitterMs,
    );
  }
  return timer;
}

const holdsOf = (t: HoldTimer) => t.holds.map((h) => [h.startMs, h.endMs, h.heldMs]);

describe('HoldTimer', () => {
  it('counts good-form time between the first and last good frame', () => {
    const t = run('xxgggggggggggggggggggggxx'); // good from 200 to 2200 ms
    t.end();
    expect(t.holds).toEqual([{ startMs: 200, endMs: 2200, heldMs: 2000 }]);
  });

  it('a short break pauses the count and the hold goes on', () => {
    // Good 0–1000, off 1100–1400 (break under 1 s), good 1500–2500.
    const t = run('ggggggggggg' + 'xxxx' + 'ggggggggggg');
    t.end();
    // Counted: 1000 + 1000; the 500 ms from the last good frame to the first good one again do not count.
    expect(t.holds).toEqual([{ startMs: 0, endMs: 2500, heldMs: 2000 }]);
  });

  it('a long break ends the hold; an unseen body counts as a break', () => {
    const t = run('ggggggggggggggg' + '????????????' + 'gggggggggggggggg');
    t.end();
    expect(holdsOf(t)).toEqual([
      [0, 1400, 1400],
      [2700, 4200, 1500],
    ]);
  });

  it('shows the hold in progress, and drops holds shorter than the minimum', () => {
    const t = run('ggggg' + 'xxxxxxxxxxxxxxx' + 'gggg');
    expect(t.active).toEqual({ startMs: 2000, endMs: 2300, heldMs: 300 });
    t.end();
    expect(t.holds).toEqual([]);
    expect(t.active).toBeUndefined();
  });

  it('ignores frames whose time does not move forward', () => {
    const t = new HoldTimer();
    t.update(true, 0);
    t.update(true, 1000);
    t.update(true, 900);
    t.update(true, 1000);
    t.update(true, Number.NaN);
    t.update(true, 1500);
    t.end();
    expect(t.holds).toEqual([{ startMs: 0, endMs: 1500, heldMs: 1500 }]);
  });

  it('tolerance and minimum are options; reset() forgets everything', () => {
    const opts = { breakToleranceMs: 200, breakIntervals: 1, minHoldMs: 0 };
    const t = run('gggg' + 'xx' + 'gggg', new HoldTimer(opts));
    t.end();
    expect(t.holds).toHaveLength(2);
    t.reset();
    expect(t.holds).toEqual([]);
    expect(t.frameIntervalMs).toBeUndefined();
  });
});

describe('HoldTimer at any analysis rate', () => {
  // 20 s of good form at each rate, odd frames 15 ms late (2 % of the slowest interval):
  // one hold, first to last good frame. The old fixed 1 s tolerance timed none at 1/s.
  it.each([
    { perS: 0.5, everyMs: 2000 },
    { perS: 1, everyMs: 1000 },
    { perS: 2, everyMs: 500 },
    { perS: 5, everyMs: 200 },
    { perS: 15, everyMs: 1000 / 15 },
    { perS: 30, everyMs: 1000 / 30 },
  ])('$perS frames/s: a 20 s hold is one hold of 20 s', ({ everyMs }) => {
    const frames = Math.round(20000 / everyMs) + 1;
    const t = run('g'.repeat(frames), new HoldTimer(), everyMs, 15);
    t.end();
    expect(t.holds).toHaveLength(1);
    expect(t.holds[0]!.startMs).toBe(0);
    expect(t.holds[0]!.heldMs).toBeCloseTo((frames - 1) * everyMs, 6);
    expect(t.holds[0]!.heldMs).toBeCloseTo(20000, 6);
  });

  // Hand-derived: tolerance = max(1000, min(5000, 2.5 × interval)).
  it.each([
    // interval, tolerance, pattern, holds [start, end, held]
    { everyMs: 2000, tol: 5000, pattern: 'gggxggg', holds: [[0, 12000, 8000]] },
    {
      everyMs: 2000,
      tol: 5000,
      pattern: 'gggxxggg',
      holds: [
        [0, 4000, 4000],
        [10000, 14000, 4000],
      ],
    },
    { everyMs: 1000, tol: 2500, pattern: 'gggggxggggg', holds: [[0, 10000, 8000]] },
    {
      everyMs: 1000,
      tol: 2500,
      pattern: 'gggggxxggggg',
      holds: [
        [0, 4000, 4000],
        [7000, 11000, 4000],
      ],
    },
    { everyMs: 500, tol: 1250, pattern: 'gggggxggggg', holds: [[0, 5000, 4000]] },
    {
      everyMs: 500,
      tol: 1250,
      pattern: 'gggggxxggggg',
      holds: [
        [0, 2000, 2000],
        [3500, 5500, 2000],
      ],
    },
    { everyMs: 200, tol: 1000, pattern: 'gggggg????gggggg', holds: [[0, 3000, 2000]] },
    {
      everyMs: 200,
      tol: 1000,
      pattern: 'gggggg?????gggggg',
      holds: [
        [0, 1000, 1000],
        [2200, 3200, 1000],
      ],
    },
  ])('every $everyMs ms (tolerance $tol ms): $pattern', ({ everyMs, tol, pattern, holds }) => {
    const t = new HoldTimer();
    run(pattern, t, everyMs);
    expect(t.breakToleranceMs).toBe(tol);
    t.end();
    expect(holdsOf(t)).toEqual(holds);
  });

  it('at the floor: 15 frames/s pauses through 13 missed frames (933 ms) and ends at 15 (1067 ms)', () => {
    const every = 1000 / 15;
    const paused = run(
      `${'g'.repeat(20)}${'x'.repeat(13)}${'g'.repeat(20)}`,
      new HoldTimer(),
      every,
    );
    paused.end();
    expect(paused.holds).toHaveLength(1); // gap of 14 intervals: under the floor
    const ended = run(
      `${'g'.repeat(20)}${'x'.repeat(15)}${'g'.repeat(20)}`,
      new HoldTimer(),
      every,
    );
    ended.end();
    expect(ended.holds).toHaveLength(2); // 16 intervals = 1067 ms
  });

  it('slower than the ceiling allows (one frame every 6 s) no hold is timed', () => {
    const t = run('gggggg', new HoldTimer(), 6000);
    expect(t.breakToleranceMs).toBe(DEFAULT_HOLD_TIMER.maxBreakToleranceMs);
    t.end();
    expect(t.holds).toEqual([]);
  });

  it('the interval is a median: one long gap (a stalled frame) does not stretch the tolerance', () => {
    const t = new HoldTimer();
    for (let i = 0; i <= 8; i++) t.update(true, i * 200); // 0–1600 ms at 5/s
    t.update(false, 4600); // the loop stalled 3 s
    expect(t.frameIntervalMs).toBe(200);
    expect(t.breakToleranceMs).toBe(1000);
    t.update(true, 4800);
    t.end();
    expect(holdsOf(t)).toEqual([[0, 1600, 1600]]);
  });
});

/**
 * Feeds held frames with their form: h = held and good, n = held but not judged good,
 * x = left, g = left for a moment with the form still good, ? = unseen.
 */
function runHeld(pattern: string, timer = new HoldTimer(), everyMs = 100) {
  for (const [i, c] of [...pattern].entries()) {
    const held = c === 'h' || c === 'n' ? true : c === 'x' || c === 'g' ? false : undefined;
    timer.update(held, i * everyMs, c === 'h' || c === 'g' ? true : c === 'n' ? undefined : false);
  }
  return timer;
}

describe('HoldTimer as a stopwatch (issue 14)', () => {
  it('a hold runs while the position is held, good-form time counted apart', () => {
    // Held 0–3000 ms; the form judged good 0–1000, not judged 1100–2000, good 2100–3000.
    const t = runHeld(`${'h'.repeat(11)}${'n'.repeat(10)}${'h'.repeat(10)}`);
    t.end();
    expect(holdsOf(t)).toEqual([[0, 3000, 1900]]);
  });

  it('a position held with nothing ever judged good is still a hold, with no good time', () => {
    const t = runHeld(`xx${'n'.repeat(30)}xx`);
    t.end();
    expect(holdsOf(t)).toEqual([[200, 3100, 0]]);
  });

  it('a flicker out of the position under the tolerance does not split the hold', () => {
    const t = runHeld(`${'h'.repeat(20)}xxx${'h'.repeat(20)}`, new HoldTimer({ minHoldMs: 2500 }));
    t.end();
    expect(holdsOf(t)).toEqual([[0, 4200, 3800]]);
  });

  it('good form through a moment out of the position counts once the hold rides over it', () => {
    // The stillness check flickering on a good hold: the whole 4.2 s is good-form time.
    const t = runHeld(`${'h'.repeat(20)}ggg${'h'.repeat(20)}`, new HoldTimer({ minHoldMs: 2500 }));
    t.end();
    expect(holdsOf(t)).toEqual([[0, 4200, 4200]]);
    // A break too long for the hold: the good form in it is not added to either side.
    const broken = runHeld(`${'h'.repeat(30)}${'g'.repeat(15)}${'h'.repeat(30)}`);
    broken.end();
    expect(holdsOf(broken)).toEqual([
      [0, 2900, 2900],
      [4500, 7400, 2900],
    ]);
  });

  it('the minimum is on the hold’s length, not its good time', () => {
    const short = runHeld(`${'n'.repeat(20)}${'x'.repeat(20)}`, new HoldTimer({ minHoldMs: 2500 }));
    short.end();
    expect(short.holds).toEqual([]); // 1.9 s held: a flicker, not a hold
    const long = runHeld(`${'n'.repeat(30)}`, new HoldTimer({ minHoldMs: 2500 }));
    long.end();
    expect(holdsOf(long)).toEqual([[0, 2900, 0]]);
  });
});
