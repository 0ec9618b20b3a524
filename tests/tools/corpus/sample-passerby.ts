/**
 * A nuisance for some clips: a second person walking across the background,
 * behind the one who stretches, as seen from the camera. Drawn last, so a
 * clip without one draws everything else exactly as before.
 */
import type { SceneCamera, ScenePasserby } from '../scenes/scene-format.ts';
import type { Sampler } from './sampler.ts';

/** The room's back wall stands at z = −4 (room.ts): the walk stays in front of it. */
const WALL_Z = -3.6;

export function samplePasserby(
  s: Sampler,
  camera: SceneCamera,
  duration: number,
): ScenePasserby | undefined {
  if (!s.chance(0.15)) return undefined;
  const [cx, , cz] = camera.position;
  const [tx, , tz] = camera.target;
  const len = Math.hypot(tx - cx, tz - cz) || 1;
  const view = [(tx - cx) / len, (tz - cz) / len] as const;
  const behind = s.uniform(1.5, 3);
  const mid = [tx + view[0] * behind, tz + view[1] * behind] as const;
  const across = [-view[1], view[0]] as const;
  const half = s.uniform(2.5, 3.5);
  const dir = s.sign();
  const from: [number, number] = [mid[0] - dir * across[0] * half, mid[1] - dir * across[1] * half];
  const to: [number, number] = [mid[0] + dir * across[0] * half, mid[1] + dir * across[1] * half];
  if (Math.min(from[1], to[1]) < WALL_Z) return undefined;
  const seconds = (2 * half) / s.uniform(1, 1.4);
  if (duration < seconds + 2) return undefined;
  const start = s.uniform(1, duration - seconds);
  const r = (v: number) => Number(v.toFixed(3));
  return {
    body: s.pick(['male', 'female'] as const),
    height: r(s.uniform(1.55, 1.95)),
    clothes: s.pick(['#5a3d2b', '#20304a', '#7d7f7c', '#a33b3b']),
    from: [r(from[0]), r(from[1])],
    to: [r(to[0]), r(to[1])],
    start: r(start),
    end: r(start + seconds),
  };
}
