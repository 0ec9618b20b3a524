/**
 * Is the person set up so the camera can coach them? Pure checks on one
 * pose and the frame's brightness, in plain words: whole body in frame,
 * distance, light, and the camera angle the stretch needs (side view for
 * the roller and child's pose, front or 45° for the twist). Each check is
 * `ok: undefined` when it cannot be judged (nobody seen yet).
 */
import { BodyPoints } from '../../core/body-points.ts';
import { dist2 } from '../../core/geometry.ts';
import type { LandmarkName } from '../../core/landmarks.ts';
import type { PoseFrame } from '../../core/pose-frame.ts';
import { SEEN_VISIBILITY } from '../../core/usable-pose.ts';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';

export type SetupCheckId = 'person' | 'whole-body' | 'distance' | 'light' | 'angle';

export interface SetupCheck {
  id: SetupCheckId;
  ok: boolean | undefined;
  /** What to do (or that it is fine), one short sentence. */
  text: string;
}

/**
 * Thresholds, with why. Shoulder width over torso length was measured on
 * the rendered clips through MediaPipe lite: side views 0.02–0.24 (roller at
 * 45° up to 0.43), a person sitting square to the camera or at 45° 0.41–0.77.
 */
export const SETUP_RULES = {
  /** Mean frame luma below this (0–255) is too dark for the models to find joints reliably. */
  minBrightness: 55,
  /** The body's longer extent must cover at least this share of the frame, else too far. */
  minExtent: 0.35,
  /** …and no seen point closer than this to an edge (share of the frame), else too close / cut off. */
  edgeMargin: 0.015,
  /** Side-view stretches: shoulder width / torso length at most this. */
  sideViewMaxShoulderRatio: 0.45,
  /** Front/45° stretch (twist), sitting square: at least this. */
  frontViewMinShoulderRatio: 0.3,
} as const;

/** The points that make a "whole body": head, trunk, knees, feet (either side: side views hide one). */
const WHOLE_BODY: LandmarkName[][] = [
  ['nose', 'left_ear', 'right_ear'],
  ['left_shoulder', 'right_shoulder'],
  ['left_hip', 'right_hip'],
  ['left_knee', 'right_knee'],
  ['left_ankle', 'right_ankle', 'left_heel', 'right_heel'],
];

export const VIEW_FOR: Record<ExerciseId, 'side' | 'front'> = {
  'foam-roller': 'side',
  'childs-pose': 'side',
  'seated-twist': 'front',
};

export function checkSetup(
  frame: PoseFrame | null,
  brightness: number | undefined,
  exercise: ExerciseId | undefined,
): SetupCheck[] {
  const r = SETUP_RULES;
  const checks: SetupCheck[] = [];
  const light: SetupCheck =
    brightness === undefined
      ? { id: 'light', ok: undefined, text: 'Checking the light…' }
      : brightness < r.minBrightness
        ? { id: 'light', ok: false, text: 'Too dark: turn on a light or face a window' }
        : { id: 'light', ok: true, text: 'Light is fine' };
  if (!frame) {
    checks.push({ id: 'person', ok: false, text: 'Step into view of the camera' });
    checks.push(light);
    return checks;
  }
  checks.push({ id: 'person', ok: true, text: 'You are in view' });
  const b = new BodyPoints(frame);
  const missing = WHOLE_BODY.filter((group) => !group.some((n) => b.at(n)));
  checks.push(
    missing.length
      ? {
          id: 'whole-body',
          ok: false,
          text: 'Move so your whole body shows, head to feet',
        }
      : { id: 'whole-body', ok: true, text: 'Whole body in view' },
  );

  const seen = frame.landmarks.filter(
    (p): p is NonNullable<typeof p> => !!p && p.visibility >= SEEN_VISIBILITY,
  );
  if (seen.length) {
    const xs = seen.map((p) => p.x);
    const ys = seen.map((p) => p.y);
    const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const atEdge = seen.some(
      (p) =>
        p.x < r.edgeMargin ||
        p.x > 1 - r.edgeMargin ||
        p.y < r.edgeMargin ||
        p.y > 1 - r.edgeMargin,
    );
    checks.push(
      atEdge
        ? { id: 'distance', ok: false, text: 'Too close: move back from the camera' }
        : extent < r.minExtent
          ? { id: 'distance', ok: false, text: 'Too far: come closer to the camera' }
          : { id: 'distance', ok: true, text: 'Distance is good' },
    );
  }
  checks.push(light);

  if (exercise) {
    const view = VIEW_FOR[exercise];
    const ls = frame.landmarks[11];
    const rs = frame.landmarks[12];
    const torso = b.torsoLength();
    const ratio =
      ls && rs && torso
        ? dist2(
            { x: ls.x * frame.imageWidth, y: ls.y * frame.imageHeight },
            { x: rs.x * frame.imageWidth, y: rs.y * frame.imageHeight },
          ) / torso
        : undefined;
    if (ratio === undefined) {
      checks.push({ id: 'angle', ok: undefined, text: 'Checking the camera angle…' });
    } else if (view === 'side') {
      checks.push(
        ratio <= r.sideViewMaxShoulderRatio
          ? { id: 'angle', ok: true, text: 'Camera sees you from the side: good' }
          : { id: 'angle', ok: false, text: 'Place the camera at your side, at floor level' },
      );
    } else {
      checks.push(
        ratio >= r.frontViewMinShoulderRatio
          ? { id: 'angle', ok: true, text: 'Camera sees you from the front: good' }
          : { id: 'angle', ok: false, text: 'Face the camera, or set it at 45° to you' },
      );
    }
  }
  return checks;
}

/** All checks that can be judged pass, and the essential ones are judged. */
export function setupReady(checks: SetupCheck[]): boolean {
  return (
    checks.every((c) => c.ok !== false) &&
    checks.some((c) => c.id === 'whole-body' && c.ok === true)
  );
}

/**
 * The order problems are fixed in, most fundamental first: with the camera
 * at the wrong angle nothing else is worth adjusting yet (moving closer to a
 * camera that sees you from the wrong side helps nobody); then the whole body
 * in frame, then distance, then light (the models cope with dim light better
 * than with a cut-off or wrongly angled body). Nobody in view comes before
 * all, since none of the others can be judged without a person.
 */
export const SETUP_RANK: readonly SetupCheckId[] = [
  'person',
  'angle',
  'whole-body',
  'distance',
  'light',
];

/** The failing checks, most important first (the order they should be fixed and spoken). */
export function rankedProblems(checks: readonly SetupCheck[]): SetupCheck[] {
  return checks
    .filter((c) => c.ok === false)
    .sort((a, b) => SETUP_RANK.indexOf(a.id) - SETUP_RANK.indexOf(b.id));
}

/** The checks in the order they are fixed, for the checklist on screen. */
export function rankedChecks(checks: readonly SetupCheck[]): SetupCheck[] {
  return [...checks].sort((a, b) => SETUP_RANK.indexOf(a.id) - SETUP_RANK.indexOf(b.id));
}

/**
 * The one problem to say now. When nobody is found and the frame is too
 * dark, the light comes first: in the dark finding nobody may only mean
 * that. Otherwise the highest-ranked failing check.
 */
export function firstProblem(checks: readonly SetupCheck[]): SetupCheck | undefined {
  const ranked = rankedProblems(checks);
  const dark = ranked.find((c) => c.id === 'light');
  if (dark && ranked[0]?.id === 'person') return dark;
  return ranked[0];
}
