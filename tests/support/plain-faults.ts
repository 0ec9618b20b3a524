/**
 * When a clip's scripted fault is plainly present, for tests that check
 * praise never shows over one. The truth's fault spans are the scripted
 * movements: a fault "starts" when the figure starts moving into it, and a
 * measure crosses its line a few frames later (and leaves it a few frames
 * before the script says the movement is over), so a fault counts from
 * half a second inside its span. Faults no measure sees are listed apart
 * (BLIND_SPOTS): the tests check they are still unseen, so the exception
 * cannot outlive its reason.
 */

/** Inside a scripted fault span by this much before a fault counts as plainly present, ms. */
export const EDGE_MS = 500;

/**
 * Faults no measure sees on these clips (README, "The motion pipeline";
 * eval recall 0 on both engines): praise over them is the checker's blind
 * spot, not the screen's.
 */
export const BLIND_SPOTS: Record<
  string,
  { fault: string; cue: string; why: string; engines: readonly string[] }
> = {
  'twist-forcing-right-45-male': {
    fault: 'forcing',
    cue: 'ease-off',
    why: 'the jerks do not show in the rotation estimate',
    engines: ['mediapipe-lite', 'tfjs-blazepose-lite'],
  },
  'child-palms-apart-45-male': {
    fault: 'palms-apart',
    cue: 'palms-together',
    why: 'the far wrist is hidden behind the head at 45°, so the palms are not judged',
    engines: ['mediapipe-lite'],
  },
};

/** The blind spot of this clip for this recorded engine's stream, if any. */
export function blindSpot(clip: string, engine: string) {
  const blind = BLIND_SPOTS[clip];
  return blind?.engines.includes(engine) ? blind : undefined;
}

/** The faults plainly present at `tMs` in this clip (truth times in ms), the engine's blind spots left out. */
export function plainFaults(
  clip: string,
  engine: string,
  truth: readonly { t: number; faults: string[] }[],
  tMs: number,
): string[] {
  const at = (t: number) => truth.find((f) => f.t === Math.round(t))?.faults ?? [];
  return at(tMs).filter(
    (f) =>
      at(tMs - EDGE_MS).includes(f) &&
      at(tMs + EDGE_MS).includes(f) &&
      blindSpot(clip, engine)?.fault !== f,
  );
}
