/**
 * Dev-only page that renders the mannequin-js figure (GPL-3.0: test scenes
 * only, never imported by src/) in a plain room and reports where its joints
 * project in the image: the ground truth for the pose models.
 * Deterministic: no animation loop, no clock; one explicit render per call.
 */
import { Female } from 'mannequin-js/src/bodies/Female.js';
import { Male } from 'mannequin-js/src/bodies/Male.js';
import { getStage } from 'mannequin-js/src/scene.js';
import * as THREE from 'three';
import type { StillSpec, StillTruth } from './still-spec.ts';

const stage = getStage();
stage.renderer.setAnimationLoop(null); // the library starts a wall-clock loop; we render on demand
stage.renderer.domElement.removeAttribute('style');
const scene = stage.scene;
scene.clear();
scene.background = new THREE.Color('#d9d4cc');
const sun = new THREE.DirectionalLight('white', 2.2);
sun.position.set(2, 6, 5);
scene.add(sun, new THREE.AmbientLight('white', 0.9));
const floor = new THREE.Mesh(new THREE.PlaneGeometry(40, 40), new THREE.MeshLambertMaterial({ color: '#b59f84' }));
floor.rotation.x = -Math.PI / 2;
floor.position.y = -0.71;
const wall = new THREE.Mesh(new THREE.PlaneGeometry(40, 20), new THREE.MeshLambertMaterial({ color: '#ece8e1' }));
wall.position.set(0, 9, -4);
scene.add(floor, wall);

/** Truth joints: image landmark name → mannequin joint property. */
const TRUTH_JOINTS = {
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

let figure: THREE.Group | undefined;

function applyPosture(man: Record<string, unknown>, posture: Record<string, number>) {
  // Keys in the order written (POSING.md: assignment order matters).
  for (const [key, value] of Object.entries(posture)) {
    const [a, b] = key.split('.') as [string, string | undefined];
    if (b === undefined) man[a] = value;
    else (man[a] as Record<string, number>)[b] = value;
  }
}

function renderStill(spec: StillSpec): StillTruth {
  if (figure) scene.remove(figure);
  const man = spec.figure === 'female' ? new Female(spec.figureHeight) : new Male(spec.figureHeight);
  scene.add(man);
  figure = man;
  applyPosture(man as unknown as Record<string, unknown>, spec.posture);
  man.stepOnGround();
  man.updateMatrixWorld(true);

  const camera = new THREE.PerspectiveCamera(spec.camera.fov, spec.width / spec.height, 0.05, 100);
  camera.position.set(...spec.camera.position);
  camera.lookAt(new THREE.Vector3(...spec.camera.target));
  camera.updateMatrixWorld(true);

  stage.renderer.setPixelRatio(1);
  stage.renderer.setSize(spec.width, spec.height, false);
  stage.renderer.render(scene, camera);
  const png = stage.renderer.domElement.toDataURL('image/png');

  const joints: StillTruth['joints'] = {};
  const v = new THREE.Vector3();
  for (const [name, prop] of Object.entries(TRUTH_JOINTS)) {
    (man as unknown as Record<string, THREE.Object3D>)[prop]!.getWorldPosition(v);
    const world = { x: v.x, y: v.y, z: v.z };
    v.project(camera);
    joints[name] = { x: (v.x + 1) / 2, y: (1 - v.y) / 2, world };
  }
  return { png, joints };
}

declare global {
  interface Window {
    renderStill: typeof renderStill;
    sceneReady: boolean;
  }
}
window.renderStill = renderStill;
window.sceneReady = true;
