/**
 * The plain room every scene is rendered in: warm grey background, floor,
 * back wall, a sun and ambient light. One renderer, drawn on demand only.
 */
import { getStage } from 'mannequin-js/src/scene.js';
import * as THREE from 'three';
import type { SceneCamera, SceneLight } from '../scenes/scene-format.ts';

/** World height of the floor surface (mannequin `stepOnGround` puts the lowest point here). */
export const FLOOR_Y = -0.71;

const stage = getStage();
stage.renderer.setAnimationLoop(null); // the library starts a wall-clock loop; we render on demand
stage.renderer.domElement.removeAttribute('style');
export const room = stage.scene;
room.clear();
room.background = new THREE.Color('#d9d4cc');
const SUN = 2.2;
const AMBIENT = 0.9;
const sun = new THREE.DirectionalLight('white', SUN);
sun.position.set(2, 6, 5);
const ambient = new THREE.AmbientLight('white', AMBIENT);
room.add(sun, ambient);
/** The hard side light of a scene that asks for one; in the room only then. */
const sideLight = new THREE.DirectionalLight('white', 0);

/** Sets the room's light for a scene (absent: the standard room, exactly as before lights varied). */
export function setLight(light: SceneLight | undefined) {
  sun.intensity = SUN * (light?.level ?? 1);
  ambient.intensity = AMBIENT * (light?.level ?? 1);
  room.remove(sideLight);
  if (!light?.side) return;
  const a = (light.side.azimuth * Math.PI) / 180;
  // Low and from the side, aimed at the figure (around the origin): hard shadows on one half.
  sideLight.position.set(4 * Math.sin(a), 0.6, 4 * Math.cos(a));
  sideLight.intensity = light.side.intensity;
  room.add(sideLight);
}
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
  c: Pick<SceneCamera, 'position' | 'target' | 'fov' | 'width' | 'height' | 'roll'>,
) {
  const camera = new THREE.PerspectiveCamera(c.fov, c.width / c.height, 0.05, 100);
  camera.position.set(...c.position);
  camera.lookAt(new THREE.Vector3(...c.target));
  // The camera turns clockwise about its view axis: the picture turns counter-clockwise.
  if (c.roll) camera.rotateZ((-c.roll * Math.PI) / 180);
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
