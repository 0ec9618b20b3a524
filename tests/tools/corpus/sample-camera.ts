/**
 * The camera of a corpus clip: which side of the body it looks from (the
 * views the stretch asks for and views just outside them), how high, how
 * far, the lens, the frame size and a slight roll.
 */
import type { SceneCamera, Vec3 } from '../scenes/scene-format.ts';
import { FLOOR_Y_M } from './corpus-scene.ts';
import type { Sampler } from './sampler.ts';

/** A named range of camera azimuths, degrees about the figure from its facing direction (+z), toward its left (+x). */
export interface ViewRange {
  bucket: string;
  from: number;
  to: number;
  weight: number;
}

/** Frame sizes a laptop or phone camera gives, smaller ones more often (rendering time grows with pixels). */
const FRAMES: readonly (readonly [[number, number], number])[] = [
  [[480, 360], 3],
  [[640, 360], 3],
  [[640, 480], 2],
  [[854, 480], 2],
  [[960, 540], 1],
  [[1280, 720], 1],
];

export interface SampledCamera {
  camera: SceneCamera;
  bucket: string;
  azimuthDeg: number;
  heightM: number;
}

/** Where the body is: the middle of its extent and how far it reaches across and up from there, metres. */
export interface BodyExtent {
  centre: Vec3;
  halfWidth: number;
  halfHeight: number;
}

/**
 * The camera stands far enough back for the body's extent to fit the frame
 * (across in the horizontal field of view, up in the vertical one), and up
 * to 1.5× farther.
 */
export function sampleCamera(
  s: Sampler,
  views: readonly ViewRange[],
  body: BodyExtent,
): SampledCamera {
  const { centre } = body;
  const view = s.weighted(views.map((v) => [v, v.weight] as const));
  const azimuthDeg = Math.round(s.uniform(view.from, view.to));
  const [width, height] = s.weighted(FRAMES);
  const fov = Math.round(s.uniform(40, 70));
  const tanV = Math.tan((fov * Math.PI) / 360);
  const tanH = tanV * (width / height);
  const fit = Math.max(body.halfWidth / tanH, body.halfHeight / tanV);
  const distance = Math.max(1, fit * s.uniform(1.1, 1.5));
  const heightM = Number(s.uniform(0.2, 1.2).toFixed(2));
  const target: Vec3 = [
    centre[0] + s.uniform(-0.08, 0.08),
    centre[1] + s.uniform(-0.05, 0.05),
    centre[2] + s.uniform(-0.08, 0.08),
  ];
  const dy = FLOOR_Y_M + heightM - target[1];
  const flat = Math.sqrt(Math.max(0.25, distance * distance - dy * dy));
  const a = (azimuthDeg * Math.PI) / 180;
  const r3 = (v: number) => Number(v.toFixed(3));
  const camera: SceneCamera = {
    position: [
      r3(target[0] + flat * Math.sin(a)),
      r3(FLOOR_Y_M + heightM),
      r3(target[2] + flat * Math.cos(a)),
    ],
    target: [r3(target[0]), r3(target[1]), r3(target[2])],
    fov,
    width,
    height,
    fps: 10,
  };
  // Two clips in three are not quite level (a laptop on a cushion, a phone leant on a shelf).
  if (s.chance(0.67)) camera.roll = Number(s.uniform(-6, 6).toFixed(1));
  return { camera, bucket: view.bucket, azimuthDeg, heightM };
}

/** Both sides of the body: each range also from the mirror side (negative azimuths). */
export function bothSides(views: readonly ViewRange[]): ViewRange[] {
  return views.flatMap((v) => [
    { ...v, weight: v.weight / 2 },
    { ...v, from: -v.to, to: -v.from, weight: v.weight / 2 },
  ]);
}
