import { describe, expect, it } from 'vitest';
import { HoldTimer } from '../../src/core/hold-timer.ts';

/** Feeds one frame every 100 ms from a string: g = good, x = off, ? = unseen. */
function run(pattern: string, timer = new HoldTimer()) {
  for (const [i, c] of [...pattern].entries()) {
    timer.update(c === 'g' ? true : c === 'x' ? false : undefined, i * 100);
  }
  return timer;
}

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
    expect(t.holds.map((h) => [h.startMs, h.endMs, h.heldMs])).toEqual([
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
    const t = run('gggg' + 'xx' + 'gggg', new HoldTimer({ breakToleranceMs: 200, minHoldMs: 0 }));
    t.end();
    expect(t.holds).toHaveLength(2);
    t.reset();
    expect(t.holds).toEqual([]);
  });
});
