/**
 * Per-frame body measures with units, from one PoseFrame. Pure. Each is
 * undefined when a landmark it needs is not seen: a measure that cannot be
 * seen is unknown, never guessed. Lengths are body-relative (torso or thigh
 * lengths) so the distance to the camera does not matter. Angles are
 * measured in the image plane, which is the plane of the movement in the
 * views each stretch asks for (side view for the roller and child's pose).
 * Thresholds belong to the exercises, not here.
 */
import {
  type BodyOrientation,
  bodyOrientation,
  type Facing,
  facingFromYaw,
} from './body-orientation.ts';
import { BodyPoints, SIDES, type Side } from './body-points.ts';
import {
  angleAt,
  angleBetween,
  dist2,
  imageDirection,
  sub2,
  sub3,
  type Vec2,
  type Vec3,
} from './geometry.ts';
import { LANDMARK_NAMES, type LandmarkName } from './landmarks.ts';
import { getWorldLandmark, type PoseFrame } from './pose-frame.ts';
import { TorsoRotationWindow } from './torso-rotation-window.ts';
import {
  TORSO_ROTATION_WINDOW_MODEL,
  TORSO_ROTATION_WINDOW_UNCERTAINTY_DEG,
} from './torso-rotation-window-model.ts';
import { isUsablePose } from './usable-pose.ts';

export type PerSide = Partial<Record<Side, number>>;

export interface Features {
  tMs: number;
  /** The trunk is seen well enough to measure anything (core/usable-pose.ts). */
  usable: boolean;
  /** Mid-shoulder to mid-hip, pixels: the unit of body-relative lengths. */
  torsoLengthPx?: number;
  /** Hip to knee (longer seen side), pixels. */
  thighLengthPx?: number;
  /**
   * Shoulder to shoulder across the image, torso lengths: ~0.6–0.8 square to
   * the camera, shrinking as the chest turns away (side-on ~0–0.2).
   */
  shoulderWidthTorso?: number;
  /** Direction of hips → shoulders, degrees clockwise from image up (0 upright, ±90 lying). */
  trunkDirectionDeg?: number;
  /** Trunk away from vertical, degrees in [0, 180] (0 upright, 90 lying, 180 upside down). */
  trunkLeanDeg?: number;
  /**
   * Trunk away from vertical in 3D, from the world points, degrees: true
   * whatever the view, so a slump toward a camera in front still shows
   * (the image-plane lean barely moves then). Undefined without world points.
   */
  trunkLeanWorldDeg?: number;
  /**
   * Angle at each knee between hip and ankle, degrees (180 straight). In 3D
   * from the world points when the model gives them (true whatever the
   * view), else in the image plane.
   */
  kneeAngleDeg: PerSide;
  /** Angle at each elbow between shoulder and wrist, degrees (180 straight); 3D as for the knees. */
  elbowAngleDeg: PerSide;
  /** Angle at each hip between shoulder and knee, degrees (180 = trunk in line with the thigh). */
  hipAngleDeg: PerSide;
  /**
   * Angle at each shoulder between hip and wrist, degrees: ~0–30 with the
   * arm down the side, ~90 held straight out from the trunk (on all fours),
   * ~180 reaching overhead (child's pose); 3D as for the knees.
   */
  shoulderAngleDeg: PerSide;
  /** Head bent forward from the trunk line: trunk direction against shoulder → ear, degrees. */
  neckFlexionDeg?: number;
  /** Mid-hip above the floor line (lowest seen foot point), thigh lengths. */
  hipHeightThighs?: number;
  /**
   * Angle at mid-hip between mid-shoulder and mid-knee in 3D, from the world
   * points, degrees (180 = trunk in line with the thighs): opens as the hips
   * lift off the floor whatever the view; the model's guesses stand in for
   * hidden points. Undefined without world points or with no hip seen.
   */
  hipAngleWorldDeg?: number;
  /**
   * Which way the chest faces, from the world points: +1 lying on the back,
   * −1 chest to the floor (child's pose, all fours), about 0 sitting or
   * standing; the model's guesses stand in for hidden points. Undefined
   * without world points or with no shoulder and hip seen.
   */
  chestUpWorld?: number;
  /**
   * The farther seen wrist's distance from the centre of the head, torso
   * lengths (side views often hide the far wrist; one seen wrist is enough).
   */
  wristToHeadTorso?: number;
  /** Distance between the wrists, torso lengths. */
  wristGapTorso?: number;
  /**
   * Distance between the wrists in 3D, from the model's world points,
   * metres, also when one wrist is hidden (the model's guess for it): where
   * a side or 45° view collapses the 2D gap, the depth still separates the
   * hands. Undefined without world points.
   */
  wristGapWorldM?: number;
  /** The larger of each seen wrist's distance to the opposite shoulder (seen too), torso lengths. */
  wristToOppositeShoulderTorso?: number;
  /** Mid-hip to mid-heel (or ankle), thigh lengths. */
  hipsToHeelsThighs?: number;
  /**
   * How far the knees sit below the hips in the image, torso lengths
   * (standing ~0.8; seated with the legs forward, near 0 even when the legs
   * point at the camera and the feet are out of sight).
   */
  kneeDropTorso?: number;
  /**
   * Mid-shoulder to mid-ankle (or heel), torso lengths: grows as the body
   * slides headward over a roller while the feet stay planted.
   */
  shoulderToAnkleTorso?: number;
  /**
   * Mid-shoulder to mid-ankle over mid-shoulder to mid-hip, from the world
   * points (the model's guesses for hidden ones too): the same slide where
   * the image hides the feet. Undefined without world points.
   */
  shoulderToAnkleWorldTorso?: number;
  /**
   * Torso rotation: shoulder line against hip line about the vertical,
   * degrees, positive when the chest turns to the person's left
   * (core/torso-rotation-window.ts, a learned estimate from the 2D and
   * world landmarks over a short window of frames)…
   */
  torsoRotationDeg?: number;
  /** …and how far off it typically is, degrees (cross-validated on the dev twists). */
  torsoRotationUncertaintyDeg?: number;
  /**
   * The shoulder line's turn about the camera's vertical, from the world
   * points, degrees: 0 chest to the camera, ±180 back to it, +90 the left
   * side nearer. Undefined without world points.
   */
  shoulderYawDeg?: number;
  /**
   * The shoulder line against the hip line about the vertical, from the
   * world points, degrees, positive when the chest turns to the person's
   * left (the sign torsoRotationDeg uses). Undefined without world points.
   */
  torsoRotationWorldDeg?: number;
  /**
   * How fast the body moves, torso lengths per second (core/body-motion.ts):
   * set by the feature stream over its recent frames, absent on a lone frame.
   */
  bodyMotionTorsoPerS?: number;
  /** Standing, seated, lying, on all fours or folded forward (core/body-orientation.ts). */
  orientation?: BodyOrientation;
  /** Which side of the body faces the camera. */
  facing?: Facing;
}

/** The features of a frame in which nobody was seen: everything unknown. */
export function nothingSeen(tMs: number): Features {
  return {
    tMs,
    usable: false,
    kneeAngleDeg: {},
    elbowAngleDeg: {},
    hipAngleDeg: {},
    shoulderAngleDeg: {},
  };
}

/**
 * The chest's normal (across the shoulders, left less right, crossed with the trunk,
 * hips to shoulders) against world up, −1…1. World y points down.
 */
function chestUp(across: Vec3, trunk: Vec3): number | undefined {
  const n = {
    x: across.y * trunk.z - across.z * trunk.y,
    y: across.z * trunk.x - across.x * trunk.z,
    z: across.x * trunk.y - across.y * trunk.x,
  };
  const len = Math.hypot(n.x, n.y, n.z);
  return len > 0 ? -n.y / len : undefined;
}

/** Ankles, heels and toes: the lowest of them marks the floor line. */
const FOOT_POINTS = LANDMARK_NAMES.filter((n) => /_(ankle|heel|foot_index)$/.test(n));

function perSide(f: (side: Side) => number | undefined): PerSide {
  const out: PerSide = {};
  for (const s of SIDES) {
    const v = f(s);
    if (v !== undefined && Number.isFinite(v)) out[s] = v;
  }
  return out;
}

const len3 = (v: Vec3) => Math.hypot(v.x, v.y, v.z);

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? a / b : undefined;

/**
 * Without world points, only a square-on view tells front from back: the
 * person's left shoulder on the image's right is the front. Side-on, the
 * image alone cannot say which side is nearer.
 */
function facingIn2d(b: BodyPoints, torso: number | undefined): Facing | undefined {
  const l = b.side('left', 'shoulder');
  const r = b.side('right', 'shoulder');
  if (!l || !r || !torso) return undefined;
  const spread = (l.x - r.x) / torso;
  if (spread >= SQUARE_MIN_SPREAD_TORSO) return 'front';
  if (spread <= -SQUARE_MIN_SPREAD_TORSO) return 'back';
  return undefined;
}

/** Angle a less angle b, radians in, degrees out, within ±180. */
function turnBetween(a: number, b: number): number {
  const d = ((a - b) * 180) / Math.PI;
  return ((((d + 180) % 360) + 360) % 360) - 180;
}

/** Shoulders this far apart across the image (torso lengths) mean a square-on view (side-on reads ~0–0.2). */
const SQUARE_MIN_SPREAD_TORSO = 0.4;

/** The rotation estimate from this frame alone (a window of one frame), for callers without a stream. */
const singleFrameRotation = (frame: PoseFrame) =>
  new TorsoRotationWindow(TORSO_ROTATION_WINDOW_MODEL).next(frame, frame.tMs);

/** `rotation` reads the torso rotation of the frame: a stream passes its window (feature-stream.ts). */
export function computeFeatures(
  frame: PoseFrame,
  rotation: (frame: PoseFrame) => number | undefined = singleFrameRotation,
): Features {
  const b = new BodyPoints(frame);
  const torso = b.torsoLength();
  const thigh = b.thighLength();
  const shoulders = b.pair('shoulder');
  const hips = b.pair('hip');
  const head = b.head();
  const trunkDirection = shoulders && hips ? imageDirection(sub2(shoulders, hips)) : undefined;
  const worldShoulders = b.worldPair('shoulder');
  const worldHips = b.worldPair('hip');
  // World y points down: the upward trunk is the negative y axis.
  const trunkLeanWorld =
    worldShoulders && worldHips
      ? angleBetween(sub3(worldShoulders, worldHips), { x: 0, y: -1, z: 0 })
      : undefined;

  const chain = (side: Side, a: string, mid: string, c: string) => {
    const name = (part: string) => `${side}_${part}` as LandmarkName;
    const [p3, q3, r3] = [b.world(name(a)), b.world(name(mid)), b.world(name(c))];
    if (p3 && q3 && r3) return angleAt(p3, q3, r3);
    const p = b.side(side, a);
    const q = b.side(side, mid);
    const r = b.side(side, c);
    return p && q && r ? angleAt(p, q, r) : undefined;
  };
  const hipAngle = (side: Side) => {
    const s = b.side(side, 'shoulder');
    const h = b.side(side, 'hip');
    const k = b.side(side, 'knee');
    return s && h && k ? angleAt(s, h, k) : undefined;
  };

  const ear = b.pair('ear');
  const neckFlexion =
    shoulders && hips && ear
      ? angleBetween(sub2(shoulders, hips), sub2(ear, shoulders))
      : undefined;

  const footYs = FOOT_POINTS.map((n) => b.at(n)?.y).filter((y): y is number => y !== undefined);
  const floorY = footYs.length ? Math.max(...footYs) : undefined;
  const hipHeight = hips && floorY !== undefined ? floorY - hips.y : undefined;

  const lw = b.side('left', 'wrist');
  const rw = b.side('right', 'wrist');
  const seenWrists = [lw, rw].filter((w): w is Vec2 => w !== undefined);
  const toHead = head && seenWrists.length ? seenWrists.map((w) => dist2(w, head)) : undefined;
  const toOpposite = SIDES.flatMap((side) => {
    const wrist = side === 'left' ? lw : rw;
    const other = b.side(side === 'left' ? 'right' : 'left', 'shoulder');
    return wrist && other ? [dist2(wrist, other)] : [];
  });
  const heels = b.pair('heel') ?? b.pair('ankle');
  const knees = b.pair('knee');

  const features: Features = {
    tMs: frame.tMs,
    usable: isUsablePose(frame),
    kneeAngleDeg: perSide((s) => chain(s, 'hip', 'knee', 'ankle')),
    elbowAngleDeg: perSide((s) => chain(s, 'shoulder', 'elbow', 'wrist')),
    hipAngleDeg: perSide(hipAngle),
    shoulderAngleDeg: perSide((s) => chain(s, 'hip', 'shoulder', 'wrist')),
  };
  const set = <K extends keyof Features>(key: K, value: Features[K] | undefined) => {
    if (value !== undefined && (typeof value !== 'number' || Number.isFinite(value)))
      features[key] = value;
  };
  set('torsoLengthPx', torso);
  set('thighLengthPx', thigh);
  const leftShoulder = b.side('left', 'shoulder');
  const rightShoulder = b.side('right', 'shoulder');
  set(
    'shoulderWidthTorso',
    ratio(leftShoulder && rightShoulder ? dist2(leftShoulder, rightShoulder) : undefined, torso),
  );
  set('trunkDirectionDeg', trunkDirection);
  set('trunkLeanDeg', trunkDirection === undefined ? undefined : Math.abs(trunkDirection));
  set('trunkLeanWorldDeg', trunkLeanWorld);
  set('neckFlexionDeg', neckFlexion);
  set('hipHeightThighs', ratio(hipHeight, thigh));
  // The model's world guesses for hidden points too (a side view hides the far leg), as
  // for the wrist gap.
  const guessMid = (part: string) => {
    const l = getWorldLandmark(frame, `left_${part}` as LandmarkName);
    const r = getWorldLandmark(frame, `right_${part}` as LandmarkName);
    return l && r ? { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2, z: (l.z + r.z) / 2 } : undefined;
  };
  const [gs, gh, gk] = [guessMid('shoulder'), guessMid('hip'), guessMid('knee')];
  const ga = guessMid('ankle');
  set(
    'shoulderToAnkleWorldTorso',
    gs && gh && ga ? ratio(len3(sub3(gs, ga)), len3(sub3(gs, gh))) : undefined,
  );
  set('hipAngleWorldDeg', hips && gs && gh && gk ? angleAt(gs, gh, gk) : undefined);
  const ls3 = getWorldLandmark(frame, 'left_shoulder');
  const rs3 = getWorldLandmark(frame, 'right_shoulder');
  set(
    'chestUpWorld',
    shoulders && hips && ls3 && rs3 && gs && gh ? chestUp(sub3(ls3, rs3), sub3(gs, gh)) : undefined,
  );
  set('wristToHeadTorso', ratio(toHead && Math.max(...toHead), torso));
  set('wristGapTorso', ratio(lw && rw ? dist2(lw, rw) : undefined, torso));
  const lw3 = getWorldLandmark(frame, 'left_wrist');
  const rw3 = getWorldLandmark(frame, 'right_wrist');
  set(
    'wristGapWorldM',
    lw3 && rw3 ? Math.hypot(lw3.x - rw3.x, lw3.y - rw3.y, lw3.z - rw3.z) : undefined,
  );
  set(
    'wristToOppositeShoulderTorso',
    ratio(toOpposite.length ? Math.max(...toOpposite) : undefined, torso),
  );
  set('hipsToHeelsThighs', ratio(hips && heels ? dist2(hips, heels) : undefined, thigh));
  set('kneeDropTorso', ratio(hips && knees ? knees.y - hips.y : undefined, torso));
  const ankles = b.pair('ankle') ?? b.pair('heel');
  set(
    'shoulderToAnkleTorso',
    ratio(shoulders && ankles ? dist2(shoulders, ankles) : undefined, torso),
  );
  const worldLeft = b.world('left_shoulder');
  const worldRight = b.world('right_shoulder');
  // World x points right in the image and z away from the camera.
  set(
    'shoulderYawDeg',
    worldLeft && worldRight
      ? (Math.atan2(worldRight.z - worldLeft.z, worldLeft.x - worldRight.x) * 180) / Math.PI
      : undefined,
  );
  const worldLeftHip = b.world('left_hip');
  const worldRightHip = b.world('right_hip');
  set(
    'torsoRotationWorldDeg',
    worldLeft && worldRight && worldLeftHip && worldRightHip
      ? turnBetween(
          Math.atan2(worldLeft.z - worldRight.z, worldLeft.x - worldRight.x),
          Math.atan2(worldLeftHip.z - worldRightHip.z, worldLeftHip.x - worldRightHip.x),
        )
      : undefined,
  );
  const orientation = bodyOrientation(features);
  if (orientation) features.orientation = orientation;
  const facing = facingFromYaw(features.shoulderYawDeg) ?? facingIn2d(b, torso);
  if (facing) features.facing = facing;
  const rotationDeg = rotation(frame);
  if (rotationDeg !== undefined && Number.isFinite(rotationDeg)) {
    features.torsoRotationDeg = rotationDeg;
    features.torsoRotationUncertaintyDeg = TORSO_ROTATION_WINDOW_UNCERTAINTY_DEG;
  }
  return features;
}
