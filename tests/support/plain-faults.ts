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
export const BLIND_SPOTS: Record<string, { fault: string; cue: string; why: string }> = {
  'twist-forcing-right-45-male': {
    fault: 'forcing',
    cue: 'ease-off',
    why: 'the jerks do not show in the rotation estimate',
  },
};

/** The faults plainly present at `tMs` in this clip (truth times in ms), blind spots left out. */
export function plainFaults(
  clip: string,
  truth: readonly { t: number; faults: string[] }[],
  tMs: number,
): string[] {
  const at = (t: number) => truth.find((f) => f.t === Math.round(t))?.faults ?? [];
  return at(tMs).filter(
    (f) =>
      at(tMs - EDGE_MS).includes(f) &&
      at(tMs + EDGE_MS).includes(f) &&
      BLIND_SPOTS[clip]?.fault !== f,
  );
}
