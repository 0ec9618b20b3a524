/**
 * The scripted faults agree with what the rendered figure really does: a
 * fault interval must show in the measured truth (hands off the head, hips
 * up, roller on the lower back…), and the clip's good holds must not show
 * it. Catches a pose that does not look like what its script claims.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenes, TRUTH_DIR } from './load-scenes.ts';
import type { Fault, Scene } from './scene-format.ts';
import type { ClipTruth, FrameTruth } from './truth-format.ts';

/** Frames this close to an interval's edges are in transition and not judged, seconds. */
const MARGIN_S = 0.5;

const clips = loadScenes().map(({ scene }) => ({
  scene,
  truth: JSON.parse(readFileSync(join(TRUTH_DIR, `${scene.id}.json`), 'utf8')) as ClipTruth,
}));

function framesIn(truth: ClipTruth, from: number, to: number): FrameTruth[] {
  return truth.frames.filter((f) => f.t >= from + MARGIN_S && f.t <= to - MARGIN_S);
}

function holding(scene: Scene, truth: ClipTruth): FrameTruth[] {
  return scene.phases
    .filter((p) => p.name === 'holding')
    .flatMap((p) => framesIn(truth, p.from, p.to));
}

/** Rate of change per second of a per-frame value. */
function speeds(frames: FrameTruth[], value: (f: FrameTruth) => number): number[] {
  return frames
    .slice(1)
    .map((f, i) => Math.abs(value(f) - value(frames[i]!)) / (f.t - frames[i]!.t));
}

/** Toward the bent knee is negative rotation for a right twist, positive for a left one. */
const towardKnee = (scene: Scene, f: FrameTruth) =>
  scene.side === 'right' ? -f.rotationDeg : f.rotationDeg;

const DURING: Record<Fault, (f: FrameTruth[], scene: Scene, hold: FrameTruth[]) => boolean> = {
  'hands-off-head': (f) => f.every((x) => !x.handsOnHead),
  'palms-apart': (f) => f.every((x) => !x.palmsTogether),
  'hips-not-back': (f) => f.every((x) => !x.hipsBack),
  'lower-back': (f) => f.every((x) => (x.rollerAt ?? 0) > 0.6),
  'hips-too-high': (f, _, hold) =>
    f.every((x) => x.hipHeightThighs > Math.max(...hold.map((h) => h.hipHeightThighs)) + 0.15),
  'twist-away-from-knee': (f, scene) => f.every((x) => towardKnee(scene, x) < -10),
  slouching: (f, _, hold) =>
    f.every((x) => x.trunkLeanDeg > Math.max(...hold.map((h) => h.trunkLeanDeg)) + 10),
  'rolling-too-fast': (f) => Math.max(...speeds(f, (x) => x.rollerAt ?? 0)) > 0.25,
  forcing: (f) => Math.max(...speeds(f, (x) => x.rotationDeg)) > 60,
};

describe.each(clips.map((c) => [c.scene.id, c] as const))('%s', (_, { scene, truth }) => {
  const hold = holding(scene, truth);

  it.each(scene.faults.map((f) => [f.name, f] as const))(
    'the scripted %s shows in the truth',
    (_, fault) => {
      const frames = framesIn(truth, fault.from, fault.to);
      expect(frames.length).toBeGreaterThan(0);
      expect(DURING[fault.name](frames, scene, hold)).toBe(true);
    },
  );

  it('its good holds (if any) show good form', () => {
    if (scene.phases.some((p) => p.name === 'holding')) expect(hold.length).toBeGreaterThan(0);
    for (const f of hold) {
      if (scene.exercise === 'foam-roller') {
        expect(f.rollerAt).toBeGreaterThanOrEqual(0.05);
        expect(f.rollerAt).toBeLessThanOrEqual(0.55);
        if (!scene.id.includes('arms-crossed')) expect(f.handsOnHead).toBe(true);
      }
      if (scene.exercise === 'childs-pose')
        expect([f.hipsBack, f.palmsTogether]).toEqual([true, true]);
      if (scene.exercise === 'seated-twist')
        expect(towardKnee(scene, f)).toBeGreaterThanOrEqual(30);
    }
  });
});
