/**
 * The scripted clip format (`fixtures/scenes/*.json`, documented in
 * fixtures/README.md): who, seen from where, doing what, and the truth the
 * script declares (phases and form-fault intervals). Geometric truth (angles,
 * heights, roller position) is measured on the rendered figure instead.
 * Lengths in metres, angles in degrees, times in seconds from the clip start.
 */

import { EXERCISE_IDS, type ExerciseId } from '../../../src/exercises/exercise-ids.ts';
import { FORM_FAULTS, type FormFault } from '../../../src/exercises/form-faults.ts';

export { EXERCISE_IDS, type ExerciseId };

export const PHASES = ['setup', 'in-position', 'holding', 'resting'] as const;
export type Phase = (typeof PHASES)[number];

/** Every form fault a clip may script: the checkers' own vocabulary. */
export const FAULTS = FORM_FAULTS;
export type Fault = FormFault;

export const EASINGS = ['smooth', 'linear'] as const;
export type Easing = (typeof EASINGS)[number];

export type Vec3 = [number, number, number];

export interface SceneCamera {
  position: Vec3;
  target: Vec3;
  /** Vertical field of view. */
  fov: number;
  width: number;
  height: number;
  fps: number;
  /** Degrees about the view axis, positive = picture turned counter-clockwise (a laptop on a cushion). */
  roll?: number;
}

/** Room light; absent = the standard room (sun and ambient at full strength, no side light). */
export interface SceneLight {
  /** Sun and ambient strength, fraction of the standard room's. */
  level: number;
  /** One hard light from the side: azimuth about the figure in degrees (0 = in front), strength like the sun's 2.2. */
  side?: { azimuth: number; intensity: number };
}

/** Not part of any clip's truth: the exercise a negative clip shows (none of the three). */
export type SceneExercise = ExerciseId | 'none';

/**
 * How the figure is put in the room each frame.
 * - `ground`: its lowest point on the floor (mannequin `stepOnGround`), then shifted by the keyframed x, z;
 *   with `on: 'legs'` the lowest point of the legs instead (kneeling: the knees stay down while
 *   the arms move).
 * - `roller`: lying back over the foam roller; the body slides so the roller sits at the keyframed
 *   `rollerAt`, rests on it, and both ankles stay planted at `feetZ` (the feet do not slide).
 */
export type Placement =
  | { kind: 'ground'; on?: 'lowest' | 'legs' }
  | { kind: 'roller'; feetZ: number };

export interface Keyframe {
  t: number;
  /** A named pose from tests/tools/scenes/poses.ts, applied first. */
  pose?: string;
  /** mannequin-js joint angles applied after the pose, in the order written. */
  set?: Record<string, number>;
  /** Figure offset on the floor (ground placement). */
  x?: number;
  z?: number;
  /** Roller position along the back: fraction of torso length from the shoulders (roller placement). */
  rollerAt?: number;
  /** How values move from this keyframe to the next. Default `smooth` (ease in and out). */
  ease?: Easing;
}

export interface Interval<T extends string> {
  from: number;
  to: number;
  name: T;
}

export interface Scene {
  id: string;
  /** `none`: a negative clip, a pose that is not one of the three stretches. */
  exercise: SceneExercise;
  description: string;
  figure: SceneFigure;
  /** Twist only: the bent knee's side, which the twist must turn toward. */
  side?: 'left' | 'right';
  /** Play every pose with the figure's left and right exchanged (and x negated). */
  mirror?: boolean;
  camera: SceneCamera;
  duration: number;
  placement: Placement;
  /** Foam roller across the body, resting on the floor at z = 0 (roller placement only). */
  roller?: { diameter: number; length: number };
  light?: SceneLight;
  /** A second person walking through the background (a nuisance: never part of the truth). */
  passerby?: ScenePasserby;
  keyframes: Keyframe[];
  /** Cover the clip from 0 to `duration` without gaps or overlaps. */
  phases: Interval<Phase>[];
  /** When each scripted fault is present; empty for a good-form clip. */
  faults: Interval<Fault>[];
}

export interface ScenePasserby {
  body: 'male' | 'female';
  height: number;
  clothes?: string;
  /** Walks in a straight line on the floor from `from` to `to` (x, z metres) between `start` and `end` (s). */
  from: [number, number];
  to: [number, number];
  start: number;
  end: number;
}

export interface SceneFigure {
  body: 'male' | 'female';
  height: number;
  /** Skin colour (head, hands) and clothing colour (torso, arms, legs), `#rrggbb`; absent = the mannequin's own. */
  skin?: string;
  clothes?: string;
  /** Arm and leg length scale against the standard figure (0.85–1.15). */
  limbs?: { arms: number; legs: number };
}

export class SceneError extends Error {
  constructor(source: string, field: string, problem: string) {
    super(`Scene ${source}: "${field}" ${problem}`);
    this.name = 'SceneError';
  }
}

type Json = Record<string, unknown>;

/** Checks a parsed scene file; throws a SceneError naming the first bad field. */
export function validateScene(value: unknown, source: string, knownPoses: ReadonlySet<string>) {
  const fail = (field: string, problem: string): never => {
    throw new SceneError(source, field, problem);
  };
  const obj = (v: unknown, field: string): Json =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Json)
      : fail(field, 'must be an object');
  const num = (v: unknown, field: string, min = -Infinity, max = Infinity): number => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(field, 'must be a number');
    if (v < min || v > max) return fail(field, `must be between ${min} and ${max} (got ${v})`);
    return v;
  };
  const str = (v: unknown, field: string): string =>
    typeof v === 'string' && v.length > 0 ? v : fail(field, 'must be a non-empty string');
  const oneOf = <T extends string>(v: unknown, field: string, options: readonly T[]): T =>
    options.includes(v as T) ? (v as T) : fail(field, `must be one of ${options.join(', ')}`);
  const arr = (v: unknown, field: string): unknown[] =>
    Array.isArray(v) ? v : fail(field, 'must be an array');
  const vec3 = (v: unknown, field: string): Vec3 => {
    const a = arr(v, field);
    if (a.length !== 3) fail(field, 'must hold 3 numbers');
    return a.map((n, i) => num(n, `${field}[${i}]`)) as Vec3;
  };

  const s = obj(value, '(root)');
  const id = str(s.id, 'id');
  if (!/^[a-z0-9-]+$/.test(id)) fail('id', 'must be lowercase letters, digits and dashes');
  const exercise = oneOf(s.exercise, 'exercise', [...EXERCISE_IDS, 'none'] as const);
  const description = str(s.description, 'description');
  const f = obj(s.figure, 'figure');
  const figure: SceneFigure = {
    body: oneOf(f.body, 'figure.body', ['male', 'female'] as const),
    height: num(f.height, 'figure.height', 1.4, 2.1),
  };
  const colour = (v: unknown, field: string) =>
    typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v)
      ? v
      : fail(field, 'must be a #rrggbb colour');
  if (f.skin !== undefined) figure.skin = colour(f.skin, 'figure.skin');
  if (f.clothes !== undefined) figure.clothes = colour(f.clothes, 'figure.clothes');
  if (f.limbs !== undefined) {
    const l = obj(f.limbs, 'figure.limbs');
    figure.limbs = {
      arms: num(l.arms, 'figure.limbs.arms', 0.85, 1.15),
      legs: num(l.legs, 'figure.limbs.legs', 0.85, 1.15),
    };
  }
  const side = s.side === undefined ? undefined : oneOf(s.side, 'side', ['left', 'right'] as const);
  if (exercise === 'seated-twist' && side === undefined) fail('side', 'is required for a twist');
  const c = obj(s.camera, 'camera');
  const camera: SceneCamera = {
    position: vec3(c.position, 'camera.position'),
    target: vec3(c.target, 'camera.target'),
    fov: num(c.fov, 'camera.fov', 10, 120),
    width: num(c.width, 'camera.width', 64, 1920),
    height: num(c.height, 'camera.height', 64, 1080),
    fps: num(c.fps, 'camera.fps', 1, 60),
  };
  if (c.roll !== undefined) camera.roll = num(c.roll, 'camera.roll', -20, 20);
  let light: SceneLight | undefined;
  if (s.light !== undefined) {
    const l = obj(s.light, 'light');
    light = { level: num(l.level, 'light.level', 0.1, 1.5) };
    if (l.side !== undefined) {
      const side = obj(l.side, 'light.side');
      light.side = {
        azimuth: num(side.azimuth, 'light.side.azimuth', -180, 180),
        intensity: num(side.intensity, 'light.side.intensity', 0, 5),
      };
    }
  }
  const duration = num(s.duration, 'duration', 0.1, 120);
  const p = obj(s.placement, 'placement');
  const placement: Placement =
    oneOf(p.kind, 'placement.kind', ['ground', 'roller'] as const) === 'ground'
      ? {
          kind: 'ground',
          on:
            p.on === undefined
              ? 'lowest'
              : oneOf(p.on, 'placement.on', ['lowest', 'legs'] as const),
        }
      : { kind: 'roller', feetZ: num(p.feetZ, 'placement.feetZ', -2, 2) };
  let roller: Scene['roller'];
  if (s.roller !== undefined) {
    const r = obj(s.roller, 'roller');
    roller = {
      diameter: num(r.diameter, 'roller.diameter', 0.05, 0.4),
      length: num(r.length, 'roller.length', 0.2, 1.5),
    };
  }
  if (placement.kind === 'roller' && !roller) fail('roller', 'is required with roller placement');

  const keyframes = arr(s.keyframes, 'keyframes').map((k, i): Keyframe => {
    const field = `keyframes[${i}]`;
    const o = obj(k, field);
    const out: Keyframe = { t: num(o.t, `${field}.t`, 0, duration) };
    if (o.pose !== undefined) {
      out.pose = str(o.pose, `${field}.pose`);
      if (!knownPoses.has(out.pose)) fail(`${field}.pose`, `names no known pose ("${out.pose}")`);
    }
    if (o.set !== undefined) {
      const set = obj(o.set, `${field}.set`);
      out.set = {};
      for (const [key, v] of Object.entries(set)) {
        if (!/^[a-z_]+(\.[a-z]+)?$/.test(key)) fail(`${field}.set.${key}`, 'is not a joint angle');
        out.set[key] = num(v, `${field}.set.${key}`, -360, 360);
      }
    }
    if (o.x !== undefined) out.x = num(o.x, `${field}.x`, -5, 5);
    if (o.z !== undefined) out.z = num(o.z, `${field}.z`, -5, 5);
    if (o.rollerAt !== undefined) out.rollerAt = num(o.rollerAt, `${field}.rollerAt`, -0.2, 1.2);
    if (o.ease !== undefined) out.ease = oneOf(o.ease, `${field}.ease`, EASINGS);
    return out;
  });
  if (keyframes.length === 0) fail('keyframes', 'must not be empty');
  if (keyframes[0]!.t !== 0) fail('keyframes[0].t', 'must be 0');
  keyframes.forEach((k, i) => {
    if (i > 0 && k.t <= keyframes[i - 1]!.t) fail(`keyframes[${i}].t`, 'must increase');
  });
  if (placement.kind === 'roller' && keyframes[0]!.rollerAt === undefined)
    fail('keyframes[0].rollerAt', 'is required with roller placement');

  const intervals = <T extends string>(v: unknown, field: string, names: readonly T[]) =>
    arr(v, field).map((item, i): Interval<T> => {
      const o = obj(item, `${field}[${i}]`);
      const from = num(o.from, `${field}[${i}].from`, 0, duration);
      const to = num(o.to, `${field}[${i}].to`, from, duration);
      return { from, to, name: oneOf(o.name, `${field}[${i}].name`, names) };
    });
  const phases = intervals(s.phases, 'phases', PHASES);
  phases.forEach((ph, i) => {
    const expected = i === 0 ? 0 : phases[i - 1]!.to;
    if (ph.from !== expected) fail(`phases[${i}].from`, `must be ${expected} (no gaps)`);
  });
  if (phases.at(-1)?.to !== duration) fail('phases', `must end at the duration (${duration})`);
  const faults = intervals(s.faults, 'faults', FAULTS);

  const scene: Scene = {
    id,
    exercise,
    description,
    figure,
    camera,
    duration,
    placement,
    keyframes,
    phases,
    faults,
  };
  if (side) scene.side = side;
  if (s.mirror !== undefined) {
    if (typeof s.mirror !== 'boolean') fail('mirror', 'must be true or false');
    scene.mirror = s.mirror as boolean;
  }
  if (roller) scene.roller = roller;
  if (light) scene.light = light;
  if (s.passerby !== undefined) {
    const p = obj(s.passerby, 'passerby');
    const xz = (v: unknown, field: string): [number, number] => {
      const a = arr(v, field);
      if (a.length !== 2) fail(field, 'must hold 2 numbers (x, z)');
      return [num(a[0], `${field}[0]`, -20, 20), num(a[1], `${field}[1]`, -20, 20)];
    };
    const start = num(p.start, 'passerby.start', 0, duration);
    scene.passerby = {
      body: oneOf(p.body, 'passerby.body', ['male', 'female'] as const),
      height: num(p.height, 'passerby.height', 1.4, 2.1),
      from: xz(p.from, 'passerby.from'),
      to: xz(p.to, 'passerby.to'),
      start,
      end: num(p.end, 'passerby.end', start, 1000),
    };
    if (p.clothes !== undefined) {
      if (typeof p.clothes !== 'string' || !/^#[0-9a-f]{6}$/i.test(p.clothes))
        fail('passerby.clothes', 'must be a #rrggbb colour');
      scene.passerby.clothes = p.clothes as string;
    }
  }
  return scene;
}

export function frameCount(scene: Scene): number {
  return Math.floor(scene.duration * scene.camera.fps + 1e-9);
}

/** Timestamp of a frame, seconds. */
export function frameTime(scene: Scene, index: number): number {
  return index / scene.camera.fps;
}

export function activeAt<T extends string>(intervals: Interval<T>[], t: number): T[] {
  return intervals.filter((i) => t >= i.from && t < i.to).map((i) => i.name);
}
