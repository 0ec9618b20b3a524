/** The room light of a corpus clip: 30–100 % of the standard room, sometimes one hard side light. */
import type { SceneLight } from '../scenes/scene-format.ts';
import type { Sampler } from './sampler.ts';

export function sampleLight(s: Sampler): SceneLight {
  const light: SceneLight = { level: Number(s.uniform(0.3, 1).toFixed(2)) };
  if (s.chance(0.25)) {
    light.side = {
      azimuth: Math.round(s.sign() * s.uniform(60, 120)),
      intensity: Number(s.uniform(1.5, 3).toFixed(2)),
    };
  }
  return light;
}
