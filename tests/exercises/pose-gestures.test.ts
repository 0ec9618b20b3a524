/**
 * The hands-free gestures on recorded real-model streams (Node): the stop
 * gesture fires once on the rendered clips that show it, at 10 and at 1
 * analysed frames a second, and never on any committed stretch clip with
 * either engine; sitting up out of the roller or the child's pose pauses
 * and going back resumes, on streams joined from recordings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeatureStream } from '../../src/core/feature-stream.ts';
import { computeFeatures } from '../../src/core/features.ts';
import { LANDMARK } from '../../src/core/landmarks.ts';
import type { PoseFrame } from '../../src/core/pose-frame.ts';
import type { ExerciseId } from '../../src/exercises/exercise-ids.ts';
import {
  armsRaised,
  type GestureEvent,
  PoseGestureDetector,
} from '../../src/exercises/pose-gestures.ts';
import { GESTURE_SCENES_DIR, GESTURE_STREAMS_DIR } from '../tools/record-gesture-streams.ts';
import { loadScenes, SCENES_DIR, STREAMS_DIR } from '../tools/scenes/load-scenes.ts';
import { decodeFrame, parseStream } from '../tools/streams/landmark-stream.ts';

const ENGINES = ['mediapipe-lite', 'tfjs-blazepose-lite'] as const;

interface Timed {
  tMs: number;
  frame: PoseFrame | null;
}

function recorded(dir: string, clip: string, engine: string): Timed[] {
  const file = join(dir, clip, `${engine}.json`);
  const stream = parseStream(readFileSync(file, 'utf8'), file);
  return stream.frames.map((f) => ({ tMs: f.t, frame: f.u ? decodeFrame(stream, f) : null }));
}

/** Clips one after another, each shifted to start 100 ms after the previous ends. */
function joined(...parts: Timed[][]): Timed[] {
  const out: Timed[] = [];
  let offset = 0;
  for (const part of parts) {
    const start = part[0]!.tMs;
    for (const p of part) out.push({ tMs: p.tMs - start + offset, frame: p.frame });
    offset = out[out.length - 1]!.tMs + 100;
  }
  return out;
}

function gestures(stream: Timed[], exercise: ExerciseId | undefined) {
  const measures = new FeatureStream();
  const detector = new PoseGestureDetector(exercise);
  const events: { event: GestureEvent; tMs: number }[] = [];
  for (const { tMs, frame } of stream) {
    const { smoothed, features } = measures.next(frame, tMs);
    const event = detector.update(smoothed, features, tMs);
    if (event) events.push({ event, tMs });
  }
  return events;
}

/** The stretch a scene shows, for the detector (a clip of none of the three: undefined). */
const stretchOf = (e: string): ExerciseId | undefined =>
  e === 'none' ? undefined : (e as ExerciseId);
const exerciseOf = new Map(
  loadScenes(SCENES_DIR).map((s) => [s.scene.id, stretchOf(s.scene.exercise)]),
);

describe('the stop gesture never fires on a committed clip', () => {
  const clips = readdirSync(STREAMS_DIR).sort();
  it('reads at least the 18 stretch clips', () => {
    expect(clips.length).toBeGreaterThanOrEqual(18);
  });
  it.each(clips.flatMap((clip) => ENGINES.map((e) => [clip, e] as const)))(
    '%s (%s): no gesture, coached or not',
    (clip, engine) => {
      const stream = recorded(STREAMS_DIR, clip, engine);
      expect(gestures(stream, exerciseOf.get(clip))).toEqual([]);
      expect(gestures(stream, undefined)).toEqual([]);
    },
  );
});

/** When the arms are fully up and when they start down again, from the scene files, ms. */
const ARMS_UP: Record<string, [upMs: number, downMs: number]> = {
  'gesture-stop-twist-front-female': [3500, 7000],
  'gesture-stop-twist-45-male': [3500, 7000],
  'gesture-stop-kneel-45-female': [7000, 10500],
};

describe('the stop gesture on rendered clips of it', () => {
  const scenes = loadScenes(GESTURE_SCENES_DIR);
  it('has a timing for every gesture clip', () => {
    expect(Object.keys(ARMS_UP).sort()).toEqual(scenes.map((s) => s.scene.id).sort());
  });
  it.each(
    scenes.flatMap((s) =>
      ENGINES.map((e) => [s.scene.id, e, stretchOf(s.scene.exercise)] as const),
    ),
  )(
    '%s (%s): one stop, 2 s into the raised arms, before they come down',
    (clip, engine, exercise) => {
      const [upMs, downMs] = ARMS_UP[clip]!;
      const stops = gestures(recorded(GESTURE_STREAMS_DIR, clip, engine), exercise).filter(
        (e) => e.event === 'stop',
      );
      expect(stops).toHaveLength(1);
      // The arms pass the bar on the way up (~0.5 s before fully up); the hold is 2 s.
      expect(stops[0]!.tMs).toBeGreaterThanOrEqual(upMs + 1000);
      expect(stops[0]!.tMs).toBeLessThanOrEqual(downMs);
    },
  );

  it.each(ENGINES)('at one analysed frame a second it still stops (%s)', (engine) => {
    const stream = recorded(GESTURE_STREAMS_DIR, 'gesture-stop-twist-front-female', engine);
    const slow = stream.filter((_, i) => i % 10 === 0);
    const stops = gestures(slow, 'seated-twist').filter((e) => e.event === 'stop');
    expect(stops).toHaveLength(1);
    expect(stops[0]!.tMs).toBeLessThanOrEqual(7000);
  });

  it('a break of 2 s in the middle of the hold (nobody seen, or no frames) does not stop', () => {
    const stream = recorded(GESTURE_STREAMS_DIR, 'gesture-stop-twist-front-female', ENGINES[0]);
    const inGap = (p: Timed) => p.tMs > 4000 && p.tMs < 6000;
    // Either side of the gap the arms are up for less than the 2 s hold.
    const lost = stream.map((p) => (inGap(p) ? { ...p, frame: null } : p));
    const skipped = stream.filter((p) => !inGap(p));
    expect(gestures(lost, 'seated-twist')).toEqual([]);
    expect(gestures(skipped, 'seated-twist')).toEqual([]);
  });
});

describe('sitting up pauses the roller and the child’s pose; going back resumes', () => {
  it.each(ENGINES)('roller, sit up, roller again (%s)', (engine) => {
    const roller = recorded(STREAMS_DIR, 'roller-good-side-male', engine);
    const sitting = recorded(GESTURE_STREAMS_DIR, 'gesture-stop-twist-45-male', engine).filter(
      (p) => p.tMs < 3000, // sitting square, arms down
    );
    const stream = joined(roller, sitting, roller);
    const sitStart = roller[roller.length - 1]!.tMs - roller[0]!.tMs + 100;
    const backStart = sitStart + 3000;
    const events = gestures(stream, 'foam-roller');
    expect(events.map((e) => e.event)).toEqual(['pause', 'resume']);
    expect(events[0]!.tMs).toBeGreaterThanOrEqual(sitStart + 1000);
    expect(events[0]!.tMs).toBeLessThanOrEqual(sitStart + 2500);
    expect(events[1]!.tMs).toBeGreaterThanOrEqual(backStart + 1000);
    expect(events[1]!.tMs).toBeLessThanOrEqual(backStart + 2500);
  });

  it.each(ENGINES)('child’s pose, kneel up, arms up: pause, then stop (%s)', (engine) => {
    const events = gestures(
      recorded(GESTURE_STREAMS_DIR, 'gesture-stop-kneel-45-female', engine),
      'childs-pose',
    );
    expect(events.map((e) => e.event)).toEqual(['pause', 'stop']);
    // In the pose 0–4 s, upright from ~5.5 s.
    expect(events[0]!.tMs).toBeGreaterThan(4500);
    expect(events[0]!.tMs).toBeLessThanOrEqual(7500);
  });

  it('the twist, done sitting up, never pauses from the pose', () => {
    const stream = recorded(GESTURE_STREAMS_DIR, 'gesture-stop-twist-45-male', ENGINES[0]);
    expect(gestures(stream, 'seated-twist').map((e) => e.event)).toEqual(['stop']);
  });

  it('sitting up during the roller setup, before lying back, does not pause', () => {
    const sitting = recorded(GESTURE_STREAMS_DIR, 'gesture-stop-twist-45-male', ENGINES[0]).filter(
      (p) => p.tMs < 3000,
    );
    const roller = recorded(STREAMS_DIR, 'roller-good-side-male', ENGINES[0]);
    expect(gestures(joined(sitting, roller), 'foam-roller')).toEqual([]);
  });
});

describe('armsRaised on real frames with the arms moved (postures no clip shows)', () => {
  const stream = recorded(GESTURE_STREAMS_DIR, 'gesture-stop-twist-front-female', ENGINES[0]);
  const at = (tMs: number) => stream.find((p) => p.tMs === tMs)!.frame!;
  const down = at(1000); // sitting square, hands by the hips
  const up = at(5000); // both arms raised
  const L = (name: string) => LANDMARK[name as keyof typeof LANDMARK];

  /** `base` with some landmarks taken from `from` (same image size), or set outright. */
  function moved(base: PoseFrame, changes: Record<string, PoseFrame | { x: number; y: number }>) {
    const landmarks = [...base.landmarks];
    for (const [name, src] of Object.entries(changes)) {
      const p = 'landmarks' in src ? src.landmarks[L(name)]! : { ...src, visibility: 0.99 };
      landmarks[L(name)] = { ...p };
    }
    return { ...base, landmarks };
  }
  const judge = (frame: PoseFrame) => armsRaised(frame, computeFeatures(frame));
  const lm = (f: PoseFrame, name: string) => f.landmarks[L(name)]!;

  it('both arms up: raised', () => {
    expect(judge(up)).toBe(true);
  });

  it('one arm up, the other hand down by the hip: not raised', () => {
    expect(judge(moved(down, { left_elbow: up, left_wrist: up }))).toBe(false);
    expect(judge(moved(down, { right_elbow: up, right_wrist: up }))).toBe(false);
  });

  it('hands laced behind the head, elbows out (the roller’s hold, done sitting): not raised', () => {
    const ear = (s: string) => lm(down, `${s}_ear`);
    const shoulder = (s: string) => lm(down, `${s}_shoulder`);
    const behindHead = Object.fromEntries(
      ['left', 'right'].flatMap((s) => [
        [`${s}_wrist`, { x: (ear(s).x + lm(down, 'nose').x) / 2, y: ear(s).y - 0.02 }],
        // Elbow out to the side, a little above the shoulder.
        [
          `${s}_elbow`,
          {
            x: shoulder(s).x + (shoulder(s).x - lm(down, 'nose').x) * 0.9,
            y: shoulder(s).y - 0.04,
          },
        ],
      ]),
    );
    expect(judge(moved(down, behindHead))).toBe(false);
  });

  it('both arms up but a wrist not seen: not raised (nothing is judged on an unseen point)', () => {
    const hidden = moved(up, {});
    const i = L('left_wrist');
    const landmarks = [...hidden.landmarks];
    landmarks[i] = { ...landmarks[i]!, visibility: 0.2 };
    expect(judge({ ...hidden, landmarks })).toBe(false);
  });

  it('both arms up while lying back (the same frame turned on its side): not raised', () => {
    // Turn the picture a quarter: the trunk is then horizontal, as over the roller.
    const turned = {
      ...up,
      landmarks: up.landmarks.map((p) => (p ? { ...p, x: p.y, y: 1 - p.x } : p)),
    };
    expect(judge(turned)).toBe(false);
  });
});
