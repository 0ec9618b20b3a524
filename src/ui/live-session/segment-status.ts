/**
 * Colours the skeleton by what the checker says: a segment is `off` when a
 * raised cue concerns the body part it belongs to, `unknown` when either
 * end is not seen, `idle` when seen but nothing is being judged (no
 * exercise, or not in position yet), else `good`. Pure.
 */
import { LANDMARK, type LandmarkName, SKELETON_SEGMENTS } from '../../core/landmarks.ts';
import type { PoseFrame } from '../../core/pose-frame.ts';
import { SEEN_VISIBILITY } from '../../core/usable-pose.ts';
import type { Verdict } from '../../exercises/checker.ts';
import type { CueCode } from '../../feedback/cue-vocabulary.ts';

export type SegmentStatus = 'good' | 'off' | 'unknown' | 'idle';
type BodyPart = 'head' | 'arms' | 'trunk' | 'hips' | 'legs';

/** Which body part each cue is about (what turns orange when it is raised). */
const CUE_PARTS: Partial<Record<CueCode, BodyPart[]>> = {
  'support-neck': ['arms'],
  'palms-together': ['arms'],
  'bend-elbows': ['arms'],
  'elbow-outside-knee': ['arms'],
  'hand-behind': ['arms'],
  'keep-hips-low': ['hips'],
  'lift-hips': ['hips'],
  'hips-back': ['hips'],
  'stay-upper-back': ['trunk'],
  'roll-slower': ['trunk'],
  'sit-tall': ['trunk'],
  'twist-toward-knee': ['trunk'],
  'turn-further': ['trunk'],
  'ease-off': ['trunk'],
  'relax-neck': ['head'],
  'set-legs': ['legs'],
};

function partOf(a: LandmarkName, b: LandmarkName): BodyPart {
  const has = (s: string) => a.includes(s) || b.includes(s);
  if (has('nose') || has('ear')) return 'head';
  if (has('elbow') || has('wrist')) return 'arms';
  if (has('knee') && has('hip')) return 'hips';
  if (has('hip') && !has('shoulder')) return 'hips';
  if (has('shoulder')) return 'trunk';
  return 'legs';
}

export interface ColouredSegment {
  from: LandmarkName;
  to: LandmarkName;
  status: SegmentStatus;
}

export function segmentStatuses(frame: PoseFrame, verdict: Verdict | undefined): ColouredSegment[] {
  const off = new Set<BodyPart>();
  for (const code of verdict?.raised ?? []) for (const p of CUE_PARTS[code] ?? []) off.add(p);
  const judged =
    verdict !== undefined &&
    verdict.formGood !== undefined &&
    (verdict.phase === 'in-position' || verdict.phase === 'holding');
  return SKELETON_SEGMENTS.map(([from, to]) => {
    const p = frame.landmarks[LANDMARK[from]];
    const q = frame.landmarks[LANDMARK[to]];
    const seen = !!p && !!q && p.visibility >= SEEN_VISIBILITY && q.visibility >= SEEN_VISIBILITY;
    const status: SegmentStatus = !seen
      ? 'unknown'
      : !judged
        ? 'idle'
        : off.has(partOf(from, to))
          ? 'off'
          : 'good';
    return { from, to, status };
  });
}
