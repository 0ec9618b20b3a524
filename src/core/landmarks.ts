/**
 * The one ordered table of body landmarks (BlazePose's 33, in model order).
 * Rules reach landmarks by name through LANDMARK, never by a raw number.
 * Left/right are the person's own sides, not the image's.
 */
export const LANDMARK_NAMES = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const;

export type LandmarkName = (typeof LANDMARK_NAMES)[number];
export const LANDMARK_COUNT = LANDMARK_NAMES.length;

/** Index of each landmark in a PoseFrame's arrays. */
export const LANDMARK = Object.fromEntries(LANDMARK_NAMES.map((n, i) => [n, i])) as {
  readonly [K in LandmarkName]: number;
};

export function isLandmarkName(name: string): name is LandmarkName {
  return Object.hasOwn(LANDMARK, name);
}

/** Body segments for drawing a skeleton, as pairs of names. */
export const SKELETON_SEGMENTS: ReadonlyArray<readonly [LandmarkName, LandmarkName]> = [
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
  ['left_ankle', 'left_heel'],
  ['left_heel', 'left_foot_index'],
  ['right_ankle', 'right_heel'],
  ['right_heel', 'right_foot_index'],
  ['nose', 'left_ear'],
  ['nose', 'right_ear'],
];
