import { describe, expect, it } from 'vitest';
import type { Hold } from '../../src/core/hold-timer.ts';
import type { Verdict } from '../../src/exercises/checker.ts';
import { cueDefinition } from '../../src/feedback/cue-vocabulary.ts';
import {
  countsAsGood,
  SCREEN_LINES,
  type ScreenInput,
  ScreenVerdictTracker,
} from '../../src/feedback/screen-verdict.ts';

const v = (
  raised: Verdict['raised'],
  formGood: boolean | undefined,
  phase: Verdict['phase'] = formGood ? 'holding' : 'in-position',
): Verdict => ({ phase, raised, formGood, metrics: {} });
const hold = (heldMs: number): Hold => ({ startMs: 0, endMs: heldMs, heldMs });

/** Frames 100 ms apart through one tracker; each row's expected screen, in order. */
function play(rows: Omit<ScreenInput, 'tMs'>[]) {
  const tracker = new ScreenVerdictTracker('childs-pose');
  return rows.map((r, i) => tracker.update({ ...r, tMs: i * 100 }));
}

describe('ScreenVerdictTracker', () => {
  it('one story: hold, praise, fault building, its correction, fixed, praise again', () => {
    const rows: Omit<ScreenInput, 'tMs'>[] = [
      { verdict: v(['good-hold'], true), hold: hold(0) },
      { verdict: v(['good-hold'], true), hold: hold(100), cue: { code: 'good-hold', tMs: 100 } },
      { verdict: v(['good-hold'], true), hold: hold(200) },
      // The hips rise: no cue yet, the praise goes at once.
      { verdict: v(['hips-back'], false), hold: hold(200) },
      { verdict: v(['hips-back'], false), hold: hold(200), cue: { code: 'hips-back', tMs: 400 } },
      { verdict: v(['hips-back'], false), hold: hold(200) },
      // Back in good form: the correction goes at once, the ring counts again.
      { verdict: v(['good-hold'], true), hold: hold(300) },
      { verdict: v(['good-hold'], true), hold: hold(400), cue: { code: 'fixed', tMs: 700 } },
    ];
    const got = play(rows).map((s) => [s.state, s.cue ?? s.text, s.ringCounting, s.offParts]);
    expect(got).toEqual([
      ['good', SCREEN_LINES.holding, true, []],
      ['good', 'good-hold', true, []],
      ['good', 'good-hold', true, []],
      ['building', SCREEN_LINES.watching, false, ['hips']],
      ['correction', 'hips-back', false, ['hips']],
      ['correction', 'hips-back', false, ['hips']],
      ['good', SCREEN_LINES.holding, true, []],
      ['good', 'fixed', true, []],
    ]);
  });

  it.each([
    {
      name: 'nothing judged yet (no exercise chosen)',
      input: { verdict: undefined },
      want: { state: 'not-judged', text: SCREEN_LINES.start, judged: false },
    },
    {
      name: 'setting up',
      input: { verdict: v([], false, 'setup') },
      want: { state: 'not-judged', text: SCREEN_LINES.setup, judged: false },
    },
    {
      name: 'resting after a hold',
      input: { verdict: v([], false, 'resting') },
      want: { state: 'not-judged', text: SCREEN_LINES.resting, judged: false },
    },
    {
      name: 'measures unknown',
      input: { verdict: v([], undefined) },
      want: { state: 'unknown', text: SCREEN_LINES.unknown, judged: false },
    },
    {
      name: 'a fault seen while another measure is unknown',
      input: { verdict: v(['stay-upper-back'], undefined) },
      want: { state: 'building', text: SCREEN_LINES.watching, judged: false, offParts: ['trunk'] },
    },
    {
      name: 'a fault raised out of position (sitting square, resting): its part is orange',
      input: {
        verdict: v(['turn-further'], false, 'resting'),
        cue: { code: 'turn-further', tMs: 0 },
      },
      want: { state: 'correction', cue: 'turn-further', judged: false, offParts: ['trunk'] },
    },
    {
      name: 'in position, nothing wrong, not a hold (rolling)',
      input: { verdict: v([], false) },
      want: { state: 'ready', text: SCREEN_LINES.watching, judged: true, ringCounting: false },
    },
    {
      name: 'praise raised but no hold counting: no praise',
      input: { verdict: v(['good-hold'], true), cue: { code: 'good-hold', tMs: 0 } },
      want: { state: 'ready', text: SCREEN_LINES.watching, ringCounting: false },
    },
    {
      name: 'a safety cue',
      input: { verdict: v(['ease-off'], false), cue: { code: 'ease-off', tMs: 0 } },
      want: { state: 'correction', cue: 'ease-off', tone: 'safety' },
    },
    {
      name: 'asked back into view (a setup cue over unknown measures)',
      input: {
        verdict: v(['move-into-view'], undefined, 'setup'),
        cue: { code: 'move-into-view', tMs: 0 },
      },
      want: { state: 'correction', cue: 'move-into-view', tone: 'correction', judged: false },
    },
  ] as const)('$name', ({ input, want }) => {
    const [got] = play([input as Omit<ScreenInput, 'tMs'>]);
    expect(got).toMatchObject(want);
    if (got!.cue) expect(got!.text).toBe(cueDefinition(got!.cue).text);
  });

  it('a correction from an earlier run of the fault does not come back with it: it builds up again', () => {
    const got = play([
      { verdict: v(['sit-tall'], false), cue: { code: 'sit-tall', tMs: 0 } },
      { verdict: v([], false) },
      { verdict: v(['sit-tall'], false) },
    ]).map((s) => s.state);
    expect(got).toEqual(['correction', 'ready', 'building']);
  });

  it('of two cued faults the more important shows; when it clears, the other', () => {
    const got = play([
      { verdict: v(['sit-tall'], false), cue: { code: 'sit-tall', tMs: 0 } },
      { verdict: v(['sit-tall', 'ease-off'], false), cue: { code: 'ease-off', tMs: 100 } },
      { verdict: v(['sit-tall'], false) },
    ]).map((s) => s.cue);
    expect(got).toEqual(['sit-tall', 'ease-off', 'sit-tall']);
  });

  it('praise given before a break does not come back after it until given again', () => {
    const got = play([
      { verdict: v(['good-hold'], true), hold: hold(100), cue: { code: 'good-hold', tMs: 0 } },
      { verdict: v([], undefined), hold: hold(100) },
      { verdict: v(['good-hold'], true), hold: hold(200) },
    ]).map((s) => [s.state, s.cue]);
    expect(got).toEqual([
      ['good', 'good-hold'],
      ['unknown', undefined],
      ['good', undefined],
    ]);
  });

  it('a frame counts as good only with good form and nothing wrong raised', () => {
    expect(countsAsGood(v(['good-hold'], true))).toBe(true);
    expect(countsAsGood(v(['good-hold', 'turn-further'], true))).toBe(false);
    expect(countsAsGood(v([], false))).toBe(false);
    expect(countsAsGood(v([], undefined))).toBeUndefined();
  });

  it('warns when the device analyses too few frames, and only after a few intervals', () => {
    const tracker = new ScreenVerdictTracker('childs-pose');
    const at = (framesPerS: number, intervals: number, tMs: number) =>
      tracker.update({ tMs, verdict: v([], false), framesPerS, intervals }).rateWarning;
    expect(at(0.5, 3, 0)).toBeUndefined();
    expect(at(0.5, 5, 1)).toMatch(
      /^This device analyses only 0\.5 frames a second: too few to time your holds\. /,
    );
    expect(at(0.5, 5, 2)).toContain('lighter model in Settings');
    expect(
      new ScreenVerdictTracker(undefined).update({
        tMs: 0,
        verdict: undefined,
        framesPerS: 0.5,
        intervals: 9,
      }).rateWarning,
    ).toBeUndefined();
  });
});
