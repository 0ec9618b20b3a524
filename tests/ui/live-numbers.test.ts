/**
 * The live numbers show only what the checker took: on every committed
 * roller recording (both engines), a hip height the checker rejected as
 * implausible, or could not see, shows as unknown, never as the raw feature.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Features } from '../../src/core/features.ts';
import { measuredErrorOf } from '../../src/core/measured-error.ts';
import { analyzeStream } from '../../src/exercises/analyze-stream.ts';
import type { Verdict } from '../../src/exercises/checker.ts';
import { liveNumbers } from '../../src/ui/live-session/render-live-panel.ts';
import { STREAMS_DIR } from '../tools/scenes/load-scenes.ts';
import { decodeFrame, parseStream } from '../tools/streams/landmark-stream.ts';

function recorded(clip: string, engine: string) {
  const file = join(STREAMS_DIR, clip, `${engine}.json`);
  const stream = parseStream(readFileSync(file, 'utf8'), file);
  return stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null }));
}

const rollerClips = readdirSync(STREAMS_DIR).filter((c) => c.startsWith('roller-'));
const hipText = (verdict: Verdict, features: Features) =>
  liveNumbers({
    exercise: 'foam-roller',
    step: { verdict, features } as never,
  }).find(([, id]) => id === 'hip-lift')?.[2];

/** Over all clips: frames whose hip lift was shown, and frames whose raw hip height was withheld. */
const totals = { shown: 0, withheld: 0 };

describe('live numbers on recorded roller clips', () => {
  afterAll(() => {
    console.log(
      `hip lift shown on ${totals.shown} frames, a raw value withheld on ${totals.withheld}`,
    );
  });

  it.each(rollerClips.flatMap((c) => ['mediapipe-lite', 'tfjs-blazepose-lite'].map((e) => [c, e])))(
    '%s (%s): the hip lift is the checker’s or unknown',
    (clip, engine) => {
      let shown = 0;
      let withheld = 0;
      analyzeStream(recorded(clip, engine), 'foam-roller', {}, (_t, verdict, features) => {
        const text = hipText(verdict, features);
        const taken = verdict.metrics.hipHeightThighs;
        if (taken === undefined) {
          expect(text).toBe('—');
          if (features.hipHeightThighs !== undefined) withheld++;
        } else {
          expect(text).toBe(`${taken.toFixed(2)} thigh lengths`);
          shown++;
        }
      });
      expect(shown + withheld).toBeGreaterThan(0);
      totals.shown += shown;
      totals.withheld += withheld;
    },
  );

  it('a raw hip height under the plausible floor is withheld (the case issue 11 saw)', () => {
    const features = { hipHeightThighs: -0.6 } as Features;
    const verdict = { phase: 'setup', metrics: {} } as unknown as Verdict;
    expect(hipText(verdict, features)).toBe('—');
  });
});

describe('the rotation’s “±” in the live numbers', () => {
  const twist = (engine?: string) =>
    liveNumbers(
      {
        exercise: 'seated-twist',
        step: {
          verdict: { metrics: { torsoRotationDeg: 31.6, torsoRotationUncertaintyDeg: 12 } },
        } as never,
      },
      engine,
    ).find(([, id]) => id === 'rotation')?.[2];

  it('is the running engine’s test-set error, where it was measured', () => {
    for (const engine of ['mediapipe/lite', 'tfjs/blazepose-lite']) {
      const mae = measuredErrorOf(engine)!.rotationMaeDeg;
      expect(twist(engine)).toBe(`32° ± ${Math.round(mae)}°`);
    }
  });

  it('falls back to the rotation model’s own figure for an engine never measured', () => {
    expect(measuredErrorOf('mediapipe/heavy')).toBeUndefined();
    expect(twist('mediapipe/heavy')).toBe('32° ± 12°');
    expect(twist(undefined)).toBe('32° ± 12°');
  });
});
