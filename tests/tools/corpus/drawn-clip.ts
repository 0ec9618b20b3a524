/** What an exercise's clip generator hands back: the timeline and what framing and truth it needs. */
import type { Placement, SceneFigure } from '../scenes/scene-format.ts';
import type { ClipScript } from './clip-script.ts';
import type { DrawnFault } from './corpus-scene.ts';
import type { BodyExtent, SampledCamera, ViewRange } from './sample-camera.ts';
import type { Sampler } from './sampler.ts';

export interface DrawnClip {
  script: ClipScript;
  description: string;
  placement: Placement;
  roller?: { diameter: number; length: number };
  side?: 'left' | 'right';
  mirror?: boolean;
  /** Where the body is and which views to draw the camera from (unless `camera` is drawn already). */
  body: BodyExtent;
  views: readonly ViewRange[];
  camera?: SampledCamera;
  drawnFaults: DrawnFault[];
  rollSpeeds?: number[];
  negative?: string;
  nuisances: string[];
}

export type ClipGenerator = (s: Sampler, figure: SceneFigure) => DrawnClip;

/** Longest clip, seconds: keeps rendering and recording of a few hundred clips within hours. */
export const MAX_CLIP_S = 40;
export const MIN_CLIP_S = 8;

/** A clip's planned length: more short clips than long ones. */
export function plannedLength(s: Sampler): number {
  return s.logUniform(MIN_CLIP_S + 2, MAX_CLIP_S - 4);
}

/** Joint angles a fraction `f` of the way from pose `a` to pose `b` (keys either sets; `rest` for keys only one sets). */
export function blendPose(
  a: Record<string, number>,
  b: Record<string, number>,
  f: number,
  rest: (key: string) => number = () => 0,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const from = a[k] ?? rest(k);
    const to = b[k] ?? rest(k);
    if (from !== to) out[k] = Number((from + (to - from) * f).toFixed(2));
  }
  return out;
}
