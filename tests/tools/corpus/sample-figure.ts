/** The figure of a corpus clip: body, height, limb proportions, skin and clothing. */
import type { SceneFigure } from '../scenes/scene-format.ts';
import type { Sampler } from './sampler.ts';

/** Skin tones from light to deep (roughly the Fitzpatrick range). */
const SKIN = ['#f3d9c4', '#e8bf9c', '#d19a6f', '#a86f45', '#7a4a2b', '#4b2c1a'] as const;
/** Everyday clothing: greys, navy, black, white, a few colours. */
const CLOTHES = [
  '#2f3a4f',
  '#1d1d1f',
  '#8a8d91',
  '#e9e6e0',
  '#7b2d2d',
  '#2e5e3e',
  '#3c6e9e',
  '#c9a227',
  '#6b4f7a',
] as const;

export function sampleFigure(s: Sampler): SceneFigure {
  const figure: SceneFigure = {
    body: s.pick(['male', 'female'] as const),
    height: Number(s.uniform(1.55, 1.95).toFixed(2)),
    // ±6%: enough to move the joints' ratios, within what the mannequin's joints still look right with.
    limbs: {
      arms: Number(s.uniform(0.94, 1.06).toFixed(3)),
      legs: Number(s.uniform(0.94, 1.06).toFixed(3)),
    },
  };
  // One clip in five keeps the mannequin's own pale colours (the committed clips' look).
  if (s.chance(0.8)) {
    figure.skin = s.pick(SKIN);
    figure.clothes = s.pick(CLOTHES);
  }
  return figure;
}
