/**
 * Setup help on committed recordings of real model output: the clips are
 * filmed the way each stretch asks (side view for the roller and child's
 * pose, front/45° for the twist), so the angle check must pass on them and
 * fail when the stretch is swapped; plus hand-made frames for distance,
 * cut-off bodies and light.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT } from '../../src/core/landmarks.ts';
import type { PoseFrame } from '../../src/core/pose-frame.ts';
import type { ExerciseId } from '../../src/exercises/exercise-ids.ts';
import {
  checkSetup,
  firstProblem,
  rankedChecks,
  rankedProblems,
  setupReady,
} from '../../src/ui/setup/setup-check.ts';
import { STREAMS_DIR } from '../tools/scenes/load-scenes.ts';
import { decodeFrame, parseStream } from '../tools/streams/landmark-stream.ts';

/** The clip's first usable frame: the person getting into position, as during setup. */
function firstFrame(clip: string): PoseFrame {
  const file = join(STREAMS_DIR, clip, 'mediapipe-lite.json');
  const stream = parseStream(readFileSync(file, 'utf8'), file);
  const f = stream.frames.find((x) => x.u);
  return decodeFrame(stream, f!)!;
}

const ok = (clip: string, exercise: ExerciseId, id: string) =>
  checkSetup(firstFrame(clip), 120, exercise).find((c) => c.id === id)?.ok;

describe('camera angle on recorded clips', () => {
  it.each([
    ['child-good-side-male', 'childs-pose'],
    ['child-hips-not-back-side-female', 'childs-pose'],
    ['roller-good-side-male', 'foam-roller'],
    ['roller-hips-high-side-female', 'foam-roller'],
    ['twist-good-left-front-female', 'seated-twist'],
    ['twist-good-right-front-male', 'seated-twist'],
    ['twist-good-left-45-male', 'seated-twist'],
  ] as const)('%s is right for %s', (clip, exercise) => {
    expect(ok(clip, exercise, 'angle')).toBe(true);
    expect(ok(clip, exercise, 'whole-body')).toBe(true);
    expect(setupReady(checkSetup(firstFrame(clip), 120, exercise))).toBe(true);
  });

  it.each([
    ['twist-good-right-front-male', 'childs-pose'],
    ['roller-good-side-male', 'seated-twist'],
  ] as const)('%s is the wrong view for %s', (clip, exercise) => {
    expect(ok(clip, exercise, 'angle')).toBe(false);
  });
});

/** A hand-made frame: every point seen, spread over [x0, x1] × [y0, y1] of the image. */
function spread(x0: number, x1: number, y0: number, y1: number): PoseFrame {
  const landmarks = Array.from({ length: LANDMARK_COUNT }, (_, i) => ({
    x: x0 + ((x1 - x0) * (i % 5)) / 4,
    y: y0 + ((y1 - y0) * i) / (LANDMARK_COUNT - 1),
    visibility: 0.9,
  }));
  return { tMs: 0, engine: 'mediapipe/lite', imageWidth: 640, imageHeight: 360, landmarks };
}

describe('distance, framing and light', () => {
  const distance = (f: PoseFrame) => checkSetup(f, 120, undefined).find((c) => c.id === 'distance');
  it('a body over a fifth of the frame is too far; touching the edge is too close', () => {
    expect(distance(spread(0.45, 0.55, 0.4, 0.6))?.text).toMatch(/^Too far/);
    expect(distance(spread(0.2, 0.8, 0.0, 0.9))?.text).toMatch(/^Too close/);
    expect(distance(spread(0.2, 0.8, 0.1, 0.9))?.ok).toBe(true);
  });

  it('a dim frame is too dark; no brightness yet is unknown', () => {
    const f = spread(0.2, 0.8, 0.1, 0.9);
    expect(checkSetup(f, 30, undefined).find((c) => c.id === 'light')?.ok).toBe(false);
    expect(checkSetup(f, undefined, undefined).find((c) => c.id === 'light')?.ok).toBeUndefined();
  });

  it('hidden feet: not the whole body', () => {
    const f = spread(0.2, 0.8, 0.1, 0.9);
    const hidden = {
      ...f,
      landmarks: f.landmarks.map((p, i) => (i >= 27 ? { ...p!, visibility: 0.1 } : p)),
    };
    const check = checkSetup(hidden, 120, undefined).find((c) => c.id === 'whole-body');
    expect(check?.ok).toBe(false);
    expect(setupReady(checkSetup(hidden, 120, undefined))).toBe(false);
  });

  it('in the dark, the light is the first thing to fix', () => {
    expect(firstProblem(checkSetup(null, 20, 'childs-pose'))?.id).toBe('light');
    expect(firstProblem(checkSetup(null, 120, 'childs-pose'))?.id).toBe('person');
    expect(firstProblem(checkSetup(spread(0.2, 0.8, 0.1, 0.9), 120, undefined))).toBeUndefined();
  });

  it('nobody in view: step into view, not ready', () => {
    const checks = checkSetup(null, 120, 'childs-pose');
    expect(checks[0]).toEqual({ id: 'person', ok: false, text: 'Step into view of the camera' });
    expect(setupReady(checks)).toBe(false);
  });
});

/** A frame shrunk toward its centre by `k` (a person further away). */
function shrink(f: PoseFrame, k: number): PoseFrame {
  return {
    ...f,
    landmarks: f.landmarks.map((p) =>
      p ? { ...p, x: 0.5 + (p.x - 0.5) * k, y: 0.5 + (p.y - 0.5) * k } : p,
    ),
  };
}

describe('problems ranked: angle, whole body, distance, light', () => {
  it('a wrong angle is said before too far and too dark (the issue 11 case)', () => {
    // A front view of a twist, far away and dim, taken for child's pose (needs a side view).
    const far = shrink(firstFrame('twist-good-right-front-male'), 0.3);
    const checks = checkSetup(far, 30, 'childs-pose');
    expect(rankedProblems(checks).map((c) => c.id)).toEqual(['angle', 'distance', 'light']);
    expect(firstProblem(checks)?.id).toBe('angle');
  });

  it('once the angle is right, a cut-off body comes before distance and light', () => {
    const f = spread(0.2, 0.8, 0.0, 0.9); // touches the top edge: too close
    const hidden = {
      ...f,
      landmarks: f.landmarks.map((p, i) => (i >= 27 ? { ...p!, visibility: 0.1 } : p)),
    };
    const checks = checkSetup(hidden, 30, undefined);
    expect(rankedProblems(checks).map((c) => c.id)).toEqual(['whole-body', 'distance', 'light']);
    expect(firstProblem(checks)?.id).toBe('whole-body');
  });

  it('distance before light; light alone is still said', () => {
    expect(firstProblem(checkSetup(spread(0.45, 0.55, 0.4, 0.6), 30, undefined))?.id).toBe(
      'distance',
    );
    expect(firstProblem(checkSetup(spread(0.2, 0.8, 0.1, 0.9), 30, undefined))?.id).toBe('light');
  });

  it('the checklist is shown in the same order', () => {
    const checks = checkSetup(firstFrame('roller-good-side-male'), 120, 'foam-roller');
    expect(rankedChecks(checks).map((c) => c.id)).toEqual([
      'person',
      'angle',
      'whole-body',
      'distance',
      'light',
    ]);
  });
});
