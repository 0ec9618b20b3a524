/**
 * The mannequin-js figure (GPL-3.0: test scenes only, never imported by
 * src/), given a face so the pose models can tell front from back, and
 * helpers to pose it and read its joints.
 */
import { Female } from 'mannequin-js/src/bodies/Female.js';
import { Male } from 'mannequin-js/src/bodies/Male.js';
import * as THREE from 'three';

export type Figure = THREE.Group & {
  stepOnGround(): void;
  /** The library's whole-figure posture record (restoring it resets every joint). */
  posture: unknown;
} & Record<string, unknown>;

/** Landmark name → mannequin joint property whose pivot is that landmark. */
export const JOINT_OF = {
  left_shoulder: 'l_arm',
  right_shoulder: 'r_arm',
  left_elbow: 'l_elbow',
  right_elbow: 'r_elbow',
  left_wrist: 'l_wrist',
  right_wrist: 'r_wrist',
  left_hip: 'l_leg',
  right_hip: 'r_leg',
  left_knee: 'l_knee',
  right_knee: 'r_knee',
  left_ankle: 'l_ankle',
  right_ankle: 'r_ankle',
  head: 'head',
} as const;
export type FigureJoint = keyof typeof JOINT_OF;

/** The centre of the visible head, which sits ~7.5 cm above the head joint. */
const HEAD_CENTRE = 'headCentre';

/**
 * The bare mannequin's head is a smooth egg, and the pose models (which key
 * on the face) then mistake front for back and swap left and right. Give it
 * eyes, brows, a mouth and hair so that front and back are unambiguous.
 * Placed in world space while the figure stands in its default posture
 * (facing +z), then parented to the head so they follow every pose.
 */
function addFace(man: Figure) {
  const head = man.head as THREE.Object3D;
  man.updateMatrixWorld(true);
  const centre = head.getWorldPosition(new THREE.Vector3());
  const scale = head.getWorldScale(new THREE.Vector3());
  // World-aligned while the figure stands in its default posture.
  const unturn = head.getWorldQuaternion(new THREE.Quaternion()).invert();
  const attach = (object: THREE.Object3D, offset: [number, number, number]) => {
    object.position.copy(head.worldToLocal(centre.clone().add(new THREE.Vector3(...offset))));
    object.quaternion.copy(unturn);
    object.scale.set(1 / scale.x, 1 / scale.y, 1 / scale.z);
    head.add(object);
  };
  const part = (geometry: THREE.BufferGeometry, color: string) =>
    new THREE.Mesh(geometry, new THREE.MeshLambertMaterial({ color }));
  // Offsets from the head joint, metres.
  const eye = new THREE.SphereGeometry(0.014, 16, 12);
  attach(part(eye, '#2b1d14'), [0.033, 0.075, 0.074]);
  attach(part(eye, '#2b1d14'), [-0.033, 0.075, 0.074]);
  const brow = new THREE.BoxGeometry(0.035, 0.007, 0.01);
  attach(part(brow, '#3a2a1c'), [0.033, 0.1, 0.074]);
  attach(part(brow, '#3a2a1c'), [-0.033, 0.1, 0.074]);
  attach(part(new THREE.BoxGeometry(0.04, 0.008, 0.01), '#8a3b35'), [0, 0.018, 0.076]);
  // Back half of a slightly larger sphere: hair over the back and top of the head.
  attach(
    part(new THREE.SphereGeometry(0.1, 24, 16, Math.PI, Math.PI, 0, Math.PI * 0.62), '#3b2b20'),
    [0, 0.075, -0.005],
  );
  const marker = (name: string, offset: [number, number, number]) => {
    const m = new THREE.Object3D();
    m.name = name;
    attach(m, offset);
  };
  marker(HEAD_CENTRE, [0, 0.075, 0]);
}

/** Optional looks of a figure: skin and clothing colours, limb length scales. */
export interface FigureLooks {
  skin?: string;
  clothes?: string;
  limbs?: { arms: number; legs: number };
}

type Part = THREE.Object3D & { recolor(color: string, joint?: string): void };

/** Skin on head and hands, one clothing colour on trunk, arms and legs (joint balls a shade darker). */
function dress(man: Figure, { skin, clothes }: FigureLooks) {
  const part = (name: string) => man[name] as Part;
  const darker = (hex: string) => `#${new THREE.Color(hex).multiplyScalar(0.8).getHexString()}`;
  if (skin) {
    part('head').recolor(skin);
    for (const s of ['l', 'r']) {
      part(`${s}_wrist`).recolor(skin, darker(skin));
      part(`${s}_fingers`).recolor(skin, skin);
    }
  }
  if (clothes) {
    part('torso').recolor(clothes, darker(clothes));
    part('pelvis').recolor(clothes);
    for (const s of ['l', 'r'])
      for (const j of ['arm', 'elbow', 'leg', 'knee'])
        part(`${s}_${j}`).recolor(clothes, darker(clothes));
  }
}

/**
 * Longer or shorter limbs: each whole arm and leg scales evenly from its
 * root joint (a non-uniform scale would shear the bent joints below it).
 */
function scaleLimbs(man: Figure, limbs: NonNullable<FigureLooks['limbs']>) {
  for (const s of ['l', 'r']) {
    (man[`${s}_leg`] as THREE.Object3D).scale.setScalar(limbs.legs);
    (man[`${s}_arm`] as THREE.Object3D).scale.setScalar(limbs.arms);
  }
}

export function createFigure(
  body: 'male' | 'female',
  height?: number,
  looks: FigureLooks = {},
): Figure {
  const man = (body === 'female' ? new Female(height) : new Male(height)) as unknown as Figure;
  addFace(man);
  dress(man, looks);
  if (looks.limbs) scaleLimbs(man, looks.limbs);
  return man;
}

/** Applies joint angles in the order given (POSING.md: assignment order matters). */
export function applyPosture(man: Figure, posture: Iterable<[string, number]>) {
  for (const [key, value] of posture) {
    const [a, b] = key.split('.') as [string, string | undefined];
    if (b === undefined) man[a] = value;
    else (man[a] as Record<string, number>)[b] = value;
  }
}

export function jointWorld(man: Figure, joint: FigureJoint): THREE.Vector3 {
  return (man[JOINT_OF[joint]] as THREE.Object3D).getWorldPosition(new THREE.Vector3());
}

function headMarker(man: Figure, name: string): THREE.Vector3 {
  return (man.head as THREE.Object3D).getObjectByName(name)!.getWorldPosition(new THREE.Vector3());
}

export const headCentre = (man: Figure) => headMarker(man, HEAD_CENTRE);
