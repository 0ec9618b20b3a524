/**
 * Fuzzing the edges of the per-frame chain, beyond the well-formed random
 * frames of tests/core/motion-core.property.test.ts: frames of the wrong
 * shape (empty, short or over-long landmark arrays, world points missing or
 * partial), frames of zero, negative or NaN size, timestamps that repeat, go
 * backwards or are not numbers, and raised-condition streams of any cue code
 * for the feedback policy. Whatever comes in: no throw, no NaN or Infinity in
 * anything the screen or the session record would show, and no stuck state:
 * after any garbage, a recorded good clip still yields its hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFeatures, type Features } from '../../src/core/features.ts';
import { HoldTimer } from '../../src/core/hold-timer.ts';
import { LANDMARK_COUNT } from '../../src/core/landmarks.ts';
import type { ImageLandmark, PoseFrame, WorldLandmark } from '../../src/core/pose-frame.ts';
import { EXERCISE_IDS, type ExerciseId } from '../../src/exercises/exercise-ids.ts';
import { ExercisePipeline, type ExerciseStep } from '../../src/exercises/exercise-pipeline.ts';
import { CUES, type CueCode } from '../../src/feedback/cue-vocabulary.ts';
import { FeedbackPolicy } from '../../src/feedback/feedback-policy.ts';
import { STREAMS_DIR } from '../tools/scenes/load-scenes.ts';
import { decodeFrame, parseStream } from '../tools/streams/landmark-stream.ts';

// A fixed seed keeps CI repeatable; change it locally to explore further.
const SEED = 20261202;

const anyNumber = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -0.5, max: 1.5, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 0) },
  { weight: 1, arbitrary: fc.double() },
);
const landmark: fc.Arbitrary<ImageLandmark | null> = fc.option(
  fc.record(
    { x: anyNumber, y: anyNumber, z: anyNumber, visibility: anyNumber },
    { requiredKeys: ['x', 'y', 'visibility'] },
  ),
  { freq: 3 },
);
const worldPoint: fc.Arbitrary<WorldLandmark | null> = fc.option(
  fc.record({ x: anyNumber, y: anyNumber, z: anyNumber }),
  { freq: 3 },
);
/** Any length: none, a few (MoveNet-like gaps), exactly 33, more than 33. */
const points = <T>(p: fc.Arbitrary<T>) =>
  fc.oneof(
    fc.constant([] as T[]),
    fc.array(p, { maxLength: 12 }),
    fc.array(p, { minLength: LANDMARK_COUNT, maxLength: LANDMARK_COUNT }),
    fc.array(p, { minLength: LANDMARK_COUNT + 1, maxLength: LANDMARK_COUNT + 8 }),
  );
const size = fc.oneof(
  fc.integer({ min: 1, max: 4000 }),
  fc.constantFrom(0, -1, Number.NaN, Infinity, 1e9),
);
const oddFrame: fc.Arbitrary<PoseFrame> = fc.record(
  {
    tMs: anyNumber,
    engine: fc.constantFrom('mediapipe/lite' as const, 'tfjs/movenet-lightning' as const),
    imageWidth: size,
    imageHeight: size,
    landmarks: points(landmark),
    world: points(worldPoint),
  },
  { requiredKeys: ['tMs', 'engine', 'imageWidth', 'imageHeight', 'landmarks'] },
);
/** Times that repeat, step back, jump far, or are not numbers at all. */
const time = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2000, max: 60_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1e15) },
  { weight: 1, arbitrary: fc.double() },
);
const garbage = fc.array(fc.record({ tMs: time, frame: fc.option(oddFrame, { freq: 4 }) }), {
  maxLength: 60,
});
/**
 * For the recovery checks: times that repeat, step back or are not numbers,
 * and jumps up to ~30 years of ms (a later good stream then plays after them;
 * past ~1e15 adding a frame interval no longer changes a double).
 */
const wildTime = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2000, max: 60_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1e12) },
  { weight: 1, arbitrary: fc.double({ min: -1e12, max: 1e12 }) },
);
const wildGarbage = fc.array(
  fc.record({ tMs: wildTime, frame: fc.option(oddFrame, { freq: 4 }) }),
  { maxLength: 60 },
);

function expectFinite(n: unknown, where: string): void {
  if (n === undefined) return;
  expect(typeof n === 'number' && Number.isFinite(n), `${where} = ${String(n)}`).toBe(true);
}

function featureNumbers(f: Features): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(f)) {
    if (k === 'tMs' || typeof v === 'boolean' || typeof v === 'string') continue;
    if (v && typeof v === 'object')
      for (const [s, n] of Object.entries(v as Record<string, unknown>)) out.push([`${k}.${s}`, n]);
    else out.push([k, v]);
  }
  return out;
}

/** Everything of one step that reaches the screen, the voice or the stored session. */
function checkStep(step: ExerciseStep): void {
  for (const [k, n] of featureNumbers(step.features)) expectFinite(n, `features.${k}`);
  for (const [k, n] of Object.entries(step.verdict.metrics)) expectFinite(n, `metrics.${k}`);
  expect(step.verdict.raised.every((c) => c in CUES)).toBe(true);
  if (step.activeHold) {
    expectFinite(step.activeHold.startMs, 'hold.startMs');
    expectFinite(step.activeHold.endMs, 'hold.endMs');
    expectFinite(step.activeHold.heldMs, 'hold.heldMs');
    expect(step.activeHold.heldMs).toBeGreaterThanOrEqual(0);
  }
  if (step.cue) {
    expect(step.cue.code in CUES).toBe(true);
    expectFinite(step.cue.tMs, 'cue.tMs');
  }
  expect(typeof step.screen.text).toBe('string');
  expect(step.screen.text).not.toMatch(/NaN|Infinity|undefined/);
  if (step.screen.rateWarning) expect(step.screen.rateWarning).not.toMatch(/NaN|Infinity/);
  if (step.smoothed)
    for (const p of step.smoothed.landmarks)
      if (p) for (const n of [p.x, p.y, p.visibility]) expectFinite(n, 'smoothed landmark');
}

function recorded(clip: string) {
  const file = join(STREAMS_DIR, clip, 'mediapipe-lite.json');
  const stream = parseStream(readFileSync(file, 'utf8'), file);
  return stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null }));
}

/** A good recorded clip per exercise, with the side asked for where it has one. */
const GOOD: Record<ExerciseId, { clip: string; side?: 'left' | 'right' }> = {
  'childs-pose': { clip: 'child-good-side-male' },
  'foam-roller': { clip: 'roller-good-45-female' },
  'seated-twist': { clip: 'twist-good-right-45-female', side: 'right' },
};
const goodStreams = Object.fromEntries(
  EXERCISE_IDS.map((id) => [id, recorded(GOOD[id].clip)]),
) as Record<ExerciseId, ReturnType<typeof recorded>>;

/**
 * The longest hold a fresh pipeline times on the clip, start to end, ms (not its
 * good-form time: the 45° roller clip's hip height is not judged, so none is good).
 */
function longestHold(
  exercise: ExerciseId,
  pipeline = freshPipeline(exercise),
  startMs = 0,
): number {
  const before = pipeline.holds.length;
  for (const { tMs, frame } of goodStreams[exercise]) pipeline.step(frame, startMs + tMs);
  return Math.max(
    0,
    ...pipeline
      .end()
      .slice(before)
      .map((h) => h.endMs - h.startMs),
  );
}
function freshPipeline(exercise: ExerciseId): ExercisePipeline {
  const { side } = GOOD[exercise];
  return new ExercisePipeline(exercise, side ? { side } : {});
}
const CLEAN_HOLD_MS = Object.fromEntries(EXERCISE_IDS.map((id) => [id, longestHold(id)])) as Record<
  ExerciseId,
  number
>;

describe('the per-frame chain on malformed frames and times', () => {
  it('computeFeatures never throws and reports only finite numbers, whatever the frame’s shape or size', () => {
    fc.assert(
      fc.property(oddFrame, (f) => {
        for (const [k, n] of featureNumbers(computeFeatures(f))) expectFinite(n, k);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('every exercise pipeline: no throw, nothing non-finite on screen, in a cue or in a hold', () => {
    fc.assert(
      fc.property(
        garbage,
        fc.constantFrom(...EXERCISE_IDS),
        fc.constantFrom('left' as const, 'right' as const, undefined),
        (frames, exercise, side) => {
          const pipeline = new ExercisePipeline(exercise, side ? { side } : {});
          for (const { tMs, frame } of frames) {
            const step = pipeline.step(frame, tMs);
            if (step) checkStep(step);
          }
          for (const h of pipeline.end()) {
            for (const n of [h.startMs, h.endMs, h.heldMs]) expectFinite(n, 'finished hold');
            expect(h.endMs).toBeGreaterThanOrEqual(h.startMs);
          }
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('no stuck state: after any garbage, a good recorded clip still yields its hold', () => {
    // Each clean clip yields a hold to compare against (the roller clip's one pause is 3.5 s
    // in its truth, and is timed 3.5 s since the pause is read from the roller's drift).
    for (const id of EXERCISE_IDS) expect(CLEAN_HOLD_MS[id], id).toBeGreaterThan(3000);
    fc.assert(
      fc.property(wildGarbage, fc.constantFrom(...EXERCISE_IDS), (frames, exercise) => {
        const pipeline = freshPipeline(exercise);
        let last = Number.NEGATIVE_INFINITY;
        for (const { tMs, frame } of frames) {
          pipeline.step(frame, tMs);
          if (Number.isFinite(tMs)) last = Math.max(last, tMs);
        }
        // The clip plays after the garbage, on the same clock (a camera's time only moves on).
        const start = Number.isFinite(last) ? last + 1000 : 0;
        const held = longestHold(exercise, pipeline, start);
        // Within a second of what a fresh pipeline times on the same clip.
        expect(held, `${exercise} after ${frames.length} garbage frames`).toBeGreaterThanOrEqual(
          CLEAN_HOLD_MS[exercise] - 1000,
        );
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('the feedback policy: any raised codes at any times, never a throw, a cue only at a finite time moving forward', () => {
    const codes = Object.keys(CUES) as CueCode[];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.subarray(codes), time, fc.boolean()), { maxLength: 120 }),
        (frames) => {
          const policy = new FeedbackPolicy();
          let lastCue = Number.NEGATIVE_INFINITY;
          for (const [raised, t, praise] of frames) {
            const cue = policy.update(raised, t, praise);
            if (!cue) continue;
            expectFinite(cue.tMs, 'cue time');
            expect(cue.tMs).toBeGreaterThan(lastCue);
            lastCue = cue.tMs;
          }
        },
      ),
      { seed: SEED, numRuns: 800 },
    );
  });

  it('the feedback policy recovers: after garbage times, a condition held 2 s is cued', () => {
    fc.assert(
      fc.property(fc.array(wildTime, { maxLength: 40 }), (times) => {
        const policy = new FeedbackPolicy();
        for (const t of times) policy.update(['hips-back'], t);
        const from = Math.max(0, ...times.filter(Number.isFinite)) + 10_000;
        // A fresh run of the condition (a run is said at most twice, however long it lasts).
        policy.update([], from - 50);
        let cued = false;
        for (let t = from; t <= from + 2000; t += 50) cued ||= !!policy.update(['hips-back'], t);
        expect(cued).toBe(true);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('the hold timer recovers: after garbage, 5 s of good frames at 20 a second make a hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(fc.boolean()), wildTime), { maxLength: 80 }),
        (frames) => {
          const timer = new HoldTimer();
          for (const [good, t] of frames) timer.update(good ?? undefined, t);
          const before = timer.holds.length;
          const from = Math.max(0, ...frames.map(([, t]) => t).filter(Number.isFinite)) + 10_000;
          for (let t = from; t <= from + 5000; t += 50) timer.update(true, t);
          timer.end();
          const hold = timer.holds.slice(before).at(-1);
          expect(hold, 'a hold after the good frames').toBeDefined();
          expect(hold!.heldMs).toBeGreaterThan(4500);
        },
      ),
      { seed: SEED, numRuns: 600 },
    );
  });
});
