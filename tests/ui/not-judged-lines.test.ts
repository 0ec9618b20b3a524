/**
 * "Can't check your palms from this angle" (issue 14): said in the live view
 * exactly while the child's-pose checker cannot judge the palms, on the
 * committed recordings of both engines, and never outside the pose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/exercises/analyze-stream.ts';
import type { Verdict } from '../../src/exercises/checker.ts';
import { notJudgedLines } from '../../src/ui/live-session/not-judged-lines.ts';
import { STREAMS_DIR } from '../tools/scenes/load-scenes.ts';
import { decodeFrame, parseStream } from '../tools/streams/landmark-stream.ts';

const PALMS = 'Can’t check your palms from this angle';

function recorded(clip: string, engine: string) {
  const file = join(STREAMS_DIR, clip, `${engine}.json`);
  const stream = parseStream(readFileSync(file, 'utf8'), file);
  return stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null }));
}

const verdict = (phase: Verdict['phase'], notJudged: Verdict['notJudged']): Verdict => ({
  phase,
  raised: [],
  formGood: true,
  metrics: {},
  ...(notJudged ? { notJudged } : {}),
});

describe('not-judged lines in the live view', () => {
  it('names each check the view cannot make, in the pose only', () => {
    expect(notJudgedLines(verdict('holding', ['palms-together']))).toEqual([PALMS]);
    expect(notJudgedLines(verdict('in-position', ['hips-back', 'palms-together']))).toEqual([
      'Can’t check your hips over your heels from this angle',
      PALMS,
    ]);
    expect(notJudgedLines(verdict('setup', ['palms-together']))).toEqual([]);
    expect(notJudgedLines(verdict('resting', ['palms-together']))).toEqual([]);
    expect(notJudgedLines(verdict('holding', []))).toEqual([]);
    expect(notJudgedLines(verdict('holding', undefined))).toEqual([]);
    expect(notJudgedLines(undefined)).toEqual([]);
  });

  it.each([
    ['child-good-45-female', 'mediapipe-lite'],
    ['child-good-45-female', 'tfjs-blazepose-lite'],
    ['child-palms-apart-45-male', 'mediapipe-lite'],
    ['child-palms-apart-45-male', 'tfjs-blazepose-lite'],
    ['child-good-side-male', 'mediapipe-lite'],
    ['child-good-side-male', 'tfjs-blazepose-lite'],
  ])('%s (%s): the palms line shows exactly while the palms are not judged', (clip, engine) => {
    let said = 0;
    let judged = 0;
    analyzeStream(recorded(clip, engine), 'childs-pose', {}, (_t, v) => {
      const inPose = v.phase === 'in-position' || v.phase === 'holding';
      const unknown = v.notJudged?.includes('palms-together') === true;
      const lines = notJudgedLines(v);
      expect(lines.includes(PALMS)).toBe(inPose && unknown);
      if (lines.includes(PALMS)) said++;
      else if (inPose) judged++;
    });
    console.log(
      `${clip} ${engine}: palms line on ${said} in-pose frames, palms judged on ${judged}`,
    );
    expect(said + judged).toBeGreaterThan(0);
  });
});
