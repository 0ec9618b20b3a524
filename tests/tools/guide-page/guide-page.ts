/**
 * Dev-only page behind `tests/tools/render-guide-pictures.ts`: one frame of
 * a scripted clip on an exercise mat, seen from the scene's camera (what the
 * laptop should see), and the same moment from above with the laptop and
 * its field of view drawn in (where the laptop goes). Uses the scene
 * renderer (three + mannequin-js, GPL-3.0, dev only); the app gets only the
 * pictures.
 */
import * as THREE from 'three';
import { renderClipFrame } from '../scene-page/clip-frame.ts';
import { FLOOR_Y, makeCamera, project, renderCanvas, room } from '../scene-page/room.ts';
import type { Scene } from '../scenes/scene-format.ts';

export interface GuideRender {
  /** What the camera sees, as a WebP data URL. */
  camera: string;
  /** The floor plan from above, as a WebP data URL. */
  plan: string;
  /** The same two as PNG, for looking at (the webp files are what ships). */
  cameraPng: string;
  planPng: string;
  /** Floor distance from the camera to the middle of the body, metres. */
  distanceM: number;
  /** Camera height above the floor, metres. */
  heightM: number;
}

const MAT = { widthM: 0.66, lengthM: 1.85, color: '#4f7c8a' };
const mat = new THREE.Mesh(
  new THREE.BoxGeometry(MAT.widthM, 0.008, MAT.lengthM),
  new THREE.MeshLambertMaterial({ color: MAT.color }),
);

/** Box around the figure (and roller): the groups in the room. */
function bodyBox(): THREE.Box3 {
  const box = new THREE.Box3();
  for (const child of room.children) if (child.type === 'Group') box.expandByObject(child);
  return box;
}

function scaled(canvas: HTMLCanvasElement, width: number, height: number): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(canvas, 0, 0, width, height);
  return out;
}

function drawLaptop(
  ctx: CanvasRenderingContext2D,
  at: [number, number],
  toward: [number, number],
  halfFovRad: number,
  reachPx: number,
) {
  const angle = Math.atan2(toward[1] - at[1], toward[0] - at[0]);
  // Field of view: a soft wedge from the lens toward the body.
  ctx.save();
  ctx.fillStyle = 'rgba(255, 214, 102, 0.35)';
  ctx.beginPath();
  ctx.moveTo(at[0], at[1]);
  ctx.arc(at[0], at[1], reachPx, angle - halfFovRad, angle + halfFovRad);
  ctx.closePath();
  ctx.fill();
  // Distance line.
  ctx.setLineDash([7, 6]);
  ctx.strokeStyle = '#1d1d1d';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(at[0], at[1]);
  ctx.lineTo(toward[0], toward[1]);
  ctx.stroke();
  ctx.setLineDash([]);
  // The laptop, its screen facing the body.
  ctx.translate(at[0], at[1]);
  ctx.rotate(angle + Math.PI / 2);
  ctx.fillStyle = '#1d1d1d';
  ctx.fillRect(-20, -6, 40, 14);
  ctx.fillStyle = '#f59f00';
  ctx.beginPath();
  ctx.arc(0, -6, 4, 0, 2 * Math.PI);
  ctx.fill();
  ctx.restore();
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number) {
  ctx.font = '700 26px system-ui, sans-serif';
  const w = ctx.measureText(text).width;
  const left = Math.min(Math.max(x - w / 2 - 8, 4), ctx.canvas.width - w - 20);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillRect(left, y - 25, w + 16, 34);
  ctx.fillStyle = '#1d1d1d';
  ctx.fillText(text, left + 8, y);
}

function renderGuide(
  scene: Scene,
  index: number,
  size: { camera: [number, number]; plan: [number, number] },
): GuideRender {
  room.remove(mat);
  renderClipFrame(scene, index); // poses and places the figure (and roller) for this frame
  const box = bodyBox();
  const centre = box.getCenter(new THREE.Vector3());
  mat.position.set(centre.x, FLOOR_Y + 0.002, centre.z);
  room.add(mat);

  const view = makeCamera(scene.camera);
  const cameraCanvas = scaled(
    renderCanvas(view, scene.camera.width, scene.camera.height),
    ...size.camera,
  );

  // From above: framed on the body and the laptop together.
  const [cx, cy, cz] = scene.camera.position;
  const mid = new THREE.Vector3((centre.x + cx) / 2, FLOOR_Y, (centre.z + cz) / 2);
  const span = Math.hypot(centre.x - cx, centre.z - cz) + 2.2;
  const [pw, ph] = size.plan;
  const fov = 40;
  const height = span / 2 / Math.tan(((fov / 2) * Math.PI) / 180) / Math.min(1, pw / ph);
  const top = makeCamera({
    position: [mid.x, FLOOR_Y + height, mid.z + 0.0001],
    target: [mid.x, FLOOR_Y, mid.z],
    fov,
    width: pw,
    height: ph,
  });
  const plan = scaled(renderCanvas(top, pw, ph), pw, ph);
  const ctx = plan.getContext('2d')!;
  const px = (p: THREE.Vector3): [number, number] => {
    const [u, v] = project(p, top);
    return [u * pw, v * ph];
  };
  const lens = px(new THREE.Vector3(cx, FLOOR_Y, cz));
  const body = px(new THREE.Vector3(centre.x, FLOOR_Y, centre.z));
  const halfFov = Math.atan(Math.tan(((scene.camera.fov / 2) * Math.PI) / 180) * (16 / 9));
  drawLaptop(ctx, lens, body, halfFov, Math.hypot(body[0] - lens[0], body[1] - lens[1]) * 1.5);
  const distanceM = Math.hypot(centre.x - cx, centre.z - cz);
  label(ctx, `${distanceM.toFixed(1)} m`, (lens[0] + body[0]) / 2, (lens[1] + body[1]) / 2 - 10);
  label(ctx, 'laptop', lens[0], lens[1] + 38);
  return {
    camera: cameraCanvas.toDataURL('image/webp', 0.82),
    plan: plan.toDataURL('image/webp', 0.82),
    cameraPng: cameraCanvas.toDataURL('image/png'),
    planPng: plan.toDataURL('image/png'),
    distanceM,
    heightM: cy - FLOOR_Y,
  };
}

declare global {
  interface Window {
    renderGuide: typeof renderGuide;
    guideReady: boolean;
  }
}
window.renderGuide = renderGuide;
window.guideReady = true;
