/**
 * A short fingerprint of everything that decides a verdict for an exercise:
 * its thresholds (config.ts) and how its holds are timed. Stored with each
 * session report, so a report made under other thresholds can be told
 * apart without a hand-kept version number that someone forgets to bump.
 */
import { CHILDS_POSE_CONFIG } from './childs-pose/config.ts';
import type { ExerciseId } from './exercise-ids.ts';
import { FOAM_ROLLER_CONFIG } from './foam-roller/config.ts';
import { CHECKERS } from './index.ts';
import { SEATED_TWIST_CONFIG } from './seated-twist/config.ts';

const CONFIGS: Record<ExerciseId, unknown> = {
  'childs-pose': CHILDS_POSE_CONFIG,
  'foam-roller': FOAM_ROLLER_CONFIG,
  'seated-twist': SEATED_TWIST_CONFIG,
};

/** JSON with object keys sorted, so the fingerprint does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell configurations apart, not a security hash. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** e.g. `seated-twist@3f2a9c01`. */
export function configVersion(exercise: ExerciseId): string {
  const checker = CHECKERS[exercise];
  return `${exercise}@${fnv1a(canonical({ config: CONFIGS[exercise], hold: checker.holdOptions ?? {} }))}`;
}
