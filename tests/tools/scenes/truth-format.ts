/**
 * The truth of a rendered clip (`fixtures/truth/<clip>.json`), measured on
 * the posed figure frame by frame, plus the phase and faults its script
 * declares. Written by `npm run scenes`, read by the scorer.
 */
import { LANDMARK_NAMES, type LandmarkName } from '../../../src/core/landmarks.ts';
import type { Fault, Phase } from './scene-format.ts';

/** Joints whose true image position is recorded: every engine has them (MoveNet included). */
export type TruthJoint = Extract<
  LandmarkName,
  `${string}_${'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle'}`
>;
export const TRUTH_JOINTS = LANDMARK_NAMES.filter((n): n is TruthJoint =>
  /_(shoulder|elbow|wrist|hip|knee|ankle)$/.test(n),
);

/** Thresholds that turn the figure's geometry into the yes/no truths (metres or thigh lengths). */
export const TRUTH_RULES = {
  /** Both wrists this close to the centre of the head: the hands cradle it. */
  handsOnHeadM: 0.2,
  /** Wrists this close together: palms together. */
  palmsTogetherM: 0.12,
  /** Mid-hip to mid-ankle distance below this many thigh lengths: hips sit back on the heels. */
  hipsBackThighs: 0.75,
} as const;

export interface FrameTruth {
  /** Seconds from the clip start. */
  t: number;
  phase: Phase;
  faults: Fault[];
  /** True joint pivots projected into the image: normalised [x, y], 0,0 top-left. */
  joints: Record<TruthJoint, [number, number]>;
  /**
   * Torso rotation: angle of the shoulder line against the hip line about the
   * vertical, degrees; positive when the chest turns to the figure's left.
   */
  rotationDeg: number;
  /** Mid-hip → mid-shoulder line against the vertical, degrees. */
  trunkLeanDeg: number;
  /** Mid-hip joint height above the floor, metres and thigh lengths. */
  hipHeightM: number;
  hipHeightThighs: number;
  /**
   * Image pixels per metre at the depth of the mid-trunk: the scale that
   * makes image errors body-relative without shrinking when the trunk is
   * seen end-on (a projected torso length would).
   */
  pxPerM: number;
  /** Roller position along the back, fraction of torso length from the shoulders (roller clips). */
  rollerAt?: number;
  handsOnHead: boolean;
  palmsTogether: boolean;
  hipsBack: boolean;
}

export interface ClipTruth {
  format: 'spinewise-truth/1';
  scene: string;
  /** Hash of the scene file the frames were rendered from; recordings must match it. */
  sceneHash: string;
  imageWidth: number;
  imageHeight: number;
  fps: number;
  /** The figure's thigh and torso length, metres. */
  thighLengthM: number;
  torsoLengthM: number;
  frames: FrameTruth[];
}
