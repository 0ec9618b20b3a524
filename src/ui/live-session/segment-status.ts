/**
 * Colours the skeleton from the screen verdict (src/feedback/screen-verdict.ts),
 * the same judgement the banner and the ring show: a segment is `unknown`
 * when either end is not seen, `off` when it belongs to a body part a
 * raised fault is about, `idle` when seen but not judged (no exercise, not
 * in position yet, measures unknown), else `good`. Pure.
 */
import { LANDMARK, type LandmarkName, SKELETON_SEGMENTS } from '../../core/landmarks.ts';
import type { PoseFrame } from '../../core/pose-frame.ts';
import { SEEN_VISIBILITY } from '../../core/usable-pose.ts';
import type { BodyPart } from '../../feedback/cue-body-parts.ts';
import type { ScreenVerdict } from '../../feedback/screen-verdict.ts';

export type SegmentStatus = 'good' | 'off' | 'unknown' | 'idle';

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

export function segmentStatuses(
  frame: PoseFrame,
  screen: Pick<ScreenVerdict, 'judged' | 'offParts'> | undefined,
): ColouredSegment[] {
  const off = new Set(screen?.offParts ?? []);
  const judged = screen?.judged === true;
  return SKELETON_SEGMENTS.map(([from, to]) => {
    const p = frame.landmarks[LANDMARK[from]];
    const q = frame.landmarks[LANDMARK[to]];
    const seen = !!p && !!q && p.visibility >= SEEN_VISIBILITY && q.visibility >= SEEN_VISIBILITY;
    const status: SegmentStatus = !seen
      ? 'unknown'
      : off.has(partOf(from, to))
        ? 'off'
        : judged
          ? 'good'
          : 'idle';
    return { from, to, status };
  });
}
