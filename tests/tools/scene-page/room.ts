/**
 * The plain room every scene is rendered in: warm grey background, floor,
 * back wall, a sun and ambient light. One renderer, drawn on demand only.
 */
import { getStage } from 'mannequin-js/src/scene.js';
import * as THREE from 'three';
import type { SceneCamera } from '../scenes/scene-format.ts';

/** World height of the floor surface (mannequin `stepOnGround` puts the lowest point here). */
export const FLOOR_Y = -0.71;

const stage = getStage();
stage.renderer.setAnimationLoop(null); // the library starts a wall-clock loop; we render on demand
stage.renderer.domElement.removeAttribute('style');
export const room = stage.scene;
room.clear();
room.background = new THREE.Color('#d9d4cc');
const sun = new THREE.DirectionalLight('white', 2.2);
sun.position.set(2, 6, 5);
room.add(sun, new THREE.AmbientLight('white', 0.9));
const floor = new THREE.Mesh(
  new THREE.PlaneGeometry(40, 40),
  new THREE.MeshLambertMaterial({ color: '#b59f84' }),
);
floor.rotation.x = -Math.PI / 2;
floor.position.y = FLOOR_Y;
const wall = new THREE.Mesh(
  new THREE.PlaneGeometry(40, 20),
  new THREE.MeshLambertMaterial({ color: '#ece8e1' }),
);
wall.position.set(0, 9, -4);
room.add(floor, wall);

export function makeCamera(
  c: Pick<SceneCamera, 'position' | 'target' | 'fov' | 'width' | 'height'>,
) {
  const camera = new THREE.PerspectiveCamera(c.fov, c.width / c.height, 0.05, 100);
  camera.position.set(...c.position);
  camera.lookAt(new THREE.Vector3(...c.target));
  camera.updateMatrixWorld(true);
  return camera;
}

/** Renders the room; the picture stays on the returned canvas until the next render. */
export function renderCanvas(
  camera: THREE.PerspectiveCamera,
  width: number,
  height: number,
): HTMLCanvasElement {
  stage.renderer.setPixelRatio(1);
  stage.renderer.setSize(width, height, false);
  stage.renderer.render(room, camera);
  return stage.renderer.domElement;
}

/** Renders the room and returns the picture as a PNG data URL. */
export function renderPng(camera: THREE.PerspectiveCamera, width: number, height: number): string {
  return renderCanvas(camera, width, height).toDataURL('image/png');
}

/** Normalised image position (0,0 top-left) of a world point. */
export function project(p: THREE.Vector3, camera: THREE.PerspectiveCamera): [number, number] {
  const v = p.clone().project(camera);
  return [(v.x + 1) / 2, (1 - v.y) / 2];
}
