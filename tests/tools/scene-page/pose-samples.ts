/**
 * Random seated twists for training the torso-rotation estimator: the
 * figure posed anywhere between sitting square and a full twist to either
 * side, seen by a random camera, with the true rotation. Seeded.
 */
import * as THREE from 'three';
import { mirrorPosture, POSES } from '../scenes/poses.ts';
import { applyPosture, createFigure, type Figure, jointWorld } from './figure.ts';
import { room } from './room.ts';

const figures = new Map<string, { man: Figure; rest: unknown }>();

/** Figures of the heights the clips use (1.62–1.80 m), one per body and height. */
const HEIGHTS = [1.62, 1.7, 1.8];

function figureFor(body: 'male' | 'female', height: number) {
  const key = `${body}-${height}`;
  let f = figures.get(key);
  if (!f) {
    const man = createFigure(body, height);
    f = { man, rest: man.posture };
    figures.set(key, f);
  }
  return f;
}

/** Poses the figure in a random twist and places a random camera; the caller renders or projects. */
export function randomTwist(rand: () => number, width: number, height: number) {
  const between = (a: number, b: number) => a + (b - a) * rand();
  const body = rand() < 0.5 ? 'male' : 'female';
  const { man, rest } = figureFor(body, HEIGHTS[Math.floor(rand() * HEIGHTS.length)]!);
  room.add(man);
  man.posture = rest as typeof man.posture;
  // Anywhere between sitting square and the full twist, arms following.
  const u = rand();
  const square = POSES['twist-right-square']!;
  const twisted = POSES['twist-right-verified']!;
  let posture: Record<string, number> = {};
  for (const k of new Set([...Object.keys(square), ...Object.keys(twisted)])) {
    const a = square[k] ?? twisted[k]!;
    posture[k] = a + ((twisted[k] ?? a) - a) * u;
  }
  posture['torso.turn'] = between(-55, 55);
  // Mostly sitting tall, sometimes slumped.
  posture['torso.bend'] = rand() < 0.75 ? between(0, 8) : between(8, 32);
  posture['head.turn'] = between(-10, 10);
  if (rand() < 0.5) posture = mirrorPosture(posture);
  applyPosture(man, Object.entries(posture));
  man.stepOnGround();
  man.updateMatrixWorld(true);

  const yaw = (between(-75, 75) * Math.PI) / 180;
  const distance = between(1.6, 2.8);
  const camera = new THREE.PerspectiveCamera(between(38, 55), width / height, 0.05, 100);
  camera.position.set(Math.sin(yaw) * distance, between(-0.4, 0.2), Math.cos(yaw) * distance);
  camera.lookAt(new THREE.Vector3(between(-0.1, 0.1), between(-0.5, -0.3), between(-0.1, 0.2)));
  camera.updateMatrixWorld(true);

  const sh = jointWorld(man, 'left_shoulder').sub(jointWorld(man, 'right_shoulder'));
  const hp = jointWorld(man, 'left_hip').sub(jointWorld(man, 'right_hip'));
  const rotation = Math.atan2(hp.z * sh.x - hp.x * sh.z, hp.x * sh.x + hp.z * sh.z);
  return { man, camera, rotationDeg: (rotation * 180) / Math.PI };
}
