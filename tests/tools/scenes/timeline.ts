/**
 * What the script says for one frame: the figure's joint angles (interpolated
 * between keyframes by our own values, never read back from the figure:
 * POSING.md rule 2), its placement, and the declared phase and faults.
 */
import { mirrorPosture, POSES, type Posture } from './poses.ts';
import {
  activeAt,
  type Fault,
  frameTime,
  type Keyframe,
  type Phase,
  type Scene,
} from './scene-format.ts';

export interface FrameScript {
  index: number;
  /** Seconds from the clip start. */
  t: number;
  /** Joint angles in the order to apply them. */
  posture: [string, number][];
  x: number;
  z: number;
  rollerAt: number | undefined;
  phase: Phase;
  faults: Fault[];
}

interface ResolvedKey {
  t: number;
  posture: Posture;
  x: number;
  z: number;
  rollerAt: number | undefined;
  ease: Keyframe['ease'];
}

/** Each keyframe's full state: a named pose restarts the posture, `set` adds to the previous one. */
function resolveKeyframes(scene: Scene): ResolvedKey[] {
  const out: ResolvedKey[] = [];
  for (const k of scene.keyframes) {
    const prev = out.at(-1);
    const base = k.pose ? POSES[k.pose]! : (prev?.posture ?? {});
    out.push({
      t: k.t,
      posture: { ...base, ...k.set },
      x: k.x ?? prev?.x ?? 0,
      z: k.z ?? prev?.z ?? 0,
      rollerAt: k.rollerAt ?? prev?.rollerAt,
      ease: k.ease,
    });
  }
  return out;
}

const smoothstep = (u: number) => u * u * (3 - 2 * u);
const lerp = (a: number, b: number, u: number) => a + (b - a) * u;

/** A joint angle's value in the figure's rest posture (where a keyframe does not set it). */
export type RestAngle = (key: string) => number | undefined;

/**
 * A key that one keyframe sets and the other does not moves from (or to)
 * the figure's rest value, so a newly set angle eases in instead of jumping.
 */
function blendPostures(a: Posture, b: Posture, u: number, rest: RestAngle): [string, number][] {
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  return keys.map((k) => {
    const from = a[k] ?? rest(k) ?? b[k]!;
    const to = b[k] ?? rest(k) ?? a[k]!;
    return [k, lerp(from, to, u)];
  });
}

/**
 * The script of frame `index`. `rest` gives the figure's rest angles (the
 * renderer reads them off the figure); without it an unset angle holds the
 * other keyframe's value.
 */
export function scriptFrame(
  scene: Scene,
  index: number,
  rest: RestAngle = () => undefined,
): FrameScript {
  const t = frameTime(scene, index);
  const keys = resolveKeyframes(scene);
  let i = 0;
  while (i + 1 < keys.length && keys[i + 1]!.t <= t) i++;
  const a = keys[i]!;
  const b = keys[i + 1] ?? a;
  const raw = b === a ? 0 : (t - a.t) / (b.t - a.t);
  const u = a.ease === 'linear' ? raw : smoothstep(raw);
  let posture = blendPostures(a.posture, b.posture, u, rest);
  let x = lerp(a.x, b.x, u);
  if (scene.mirror) {
    posture = Object.entries(mirrorPosture(Object.fromEntries(posture)));
    x = -x;
  }
  const rollerAt =
    a.rollerAt === undefined ? undefined : lerp(a.rollerAt, b.rollerAt ?? a.rollerAt, u);
  return {
    index,
    t,
    posture,
    x,
    z: lerp(a.z, b.z, u),
    rollerAt,
    phase: activeAt(scene.phases, t)[0] ?? scene.phases.at(-1)!.name,
    faults: activeAt(scene.faults, t),
  };
}
