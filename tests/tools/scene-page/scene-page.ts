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
const floor = new THREE.Mesh(
  new THREE.PlaneGeometry(40, 40),
  new THREE.MeshLambertMaterial({ color: '#b59f84' }),
);
floor.rotation.x = -Math.PI / 2;
floor.position.y = -0.71;
const wall = new THREE.Mesh(
  new THREE.PlaneGeometry(40, 20),
  new THREE.MeshLambertMaterial({ color: '#ece8e1' }),
);
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

/**
 * The bare mannequin's head is a smooth egg, and the pose models (which key
 * on the face) then mistake front for back and swap left and right. Give it
 * eyes, brows, a mouth and hair so that front and back are unambiguous.
 * Placed in world space while the figure stands in its default posture
 * (facing +z), then parented to the head so they follow every pose.
 */
function addFace(man: THREE.Group) {
  const head = (man as unknown as Record<string, THREE.Object3D>).head!;
  man.updateMatrixWorld(true);
  const centre = head.getWorldPosition(new THREE.Vector3());
  const scale = head.getWorldScale(new THREE.Vector3());
  // World-aligned while the figure stands in its default posture.
  const unturn = head.getWorldQuaternion(new THREE.Quaternion()).invert();
  const attach = (
    geometry: THREE.BufferGeometry,
    color: string,
    offset: [number, number, number],
  ) => {
    const mesh = new THREE.Mesh(geometry, new THREE.MeshLambertMaterial({ color }));
    mesh.position.copy(head.worldToLocal(centre.clone().add(new THREE.Vector3(...offset))));
    mesh.quaternion.copy(unturn);
    mesh.scale.set(1 / scale.x, 1 / scale.y, 1 / scale.z);
    head.add(mesh);
  };
  // Offsets from the head joint, metres: the visible head's centre is ~7 cm above it.
  const eye = new THREE.SphereGeometry(0.014, 16, 12);
  attach(eye, '#2b1d14', [0.033, 0.075, 0.074]);
  attach(eye, '#2b1d14', [-0.033, 0.075, 0.074]);
  const brow = new THREE.BoxGeometry(0.035, 0.007, 0.01);
  attach(brow, '#3a2a1c', [0.033, 0.1, 0.074]);
  attach(brow, '#3a2a1c', [-0.033, 0.1, 0.074]);
  attach(new THREE.BoxGeometry(0.04, 0.008, 0.01), '#8a3b35', [0, 0.018, 0.076]);
  // Back half of a slightly larger sphere: hair over the back and top of the head.
  attach(
    new THREE.SphereGeometry(0.1, 24, 16, Math.PI, Math.PI, 0, Math.PI * 0.62),
    '#3b2b20',
    [0, 0.075, -0.005],
  );
}

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
  const man =
    spec.figure === 'female' ? new Female(spec.figureHeight) : new Male(spec.figureHeight);
  scene.add(man);
  figure = man;
  addFace(man);
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
