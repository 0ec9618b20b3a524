/**
 * Renders one frame of a scripted clip and measures its truth on the posed
 * figure. Each frame starts from the figure's rest posture, so a frame's
 * picture depends only on the scene and the frame index (no clock, no
 * history): rendering twice gives the same pixels.
 */
import * as THREE from 'three';
import { POSES } from '../scenes/poses.ts';
import type { Scene } from '../scenes/scene-format.ts';
import { scriptFrame } from '../scenes/timeline.ts';
import {
  type FrameTruth,
  TRUTH_JOINTS,
  TRUTH_RULES,
  type TruthJoint,
} from '../scenes/truth-format.ts';
import { applyPosture, createFigure, type Figure, headCentre, jointWorld } from './figure.ts';
import { FLOOR_Y, makeCamera, project, renderPng, room, setLight } from './room.ts';

interface Cast {
  sceneId: string;
  man: Figure;
  /** The second person walking behind, when the scene has one. */
  passerby?: { figure: Figure; rest: unknown };
  rest: unknown;
  /** Joint angles read off the rest posture, by key. */
  restAngles: Map<string, number | undefined>;
  roller?: THREE.Mesh;
  /** Ankle joint height above the floor when standing, metres. */
  ankleHeightM: number;
  thighLengthM: number;
  torsoLengthM: number;
}

let cast: Cast | undefined;

const mid = (a: THREE.Vector3, b: THREE.Vector3) => a.clone().add(b).multiplyScalar(0.5);

function castFor(scene: Scene): Cast {
  if (cast?.sceneId === scene.id) return cast;
  if (cast) {
    room.remove(cast.man);
    if (cast.roller) room.remove(cast.roller);
    if (cast.passerby) room.remove(cast.passerby.figure);
  }
  const { body, height, ...looks } = scene.figure;
  const man = createFigure(body, height, looks);
  room.add(man);
  man.updateMatrixWorld(true);
  const j = (name: Parameters<typeof jointWorld>[1]) => jointWorld(man, name);
  const next: Cast = {
    sceneId: scene.id,
    man,
    rest: man.posture,
    restAngles: new Map(),
    ankleHeightM: j('left_ankle').y - FLOOR_Y,
    thighLengthM: j('left_hip').distanceTo(j('left_knee')),
    torsoLengthM: mid(j('left_shoulder'), j('right_shoulder')).distanceTo(
      mid(j('left_hip'), j('right_hip')),
    ),
  };
  if (scene.roller) {
    const r = scene.roller.diameter / 2;
    const roller = new THREE.Mesh(
      new THREE.CylinderGeometry(r, r, scene.roller.length, 32),
      new THREE.MeshLambertMaterial({ color: '#3d6f8e' }),
    );
    roller.rotation.z = Math.PI / 2; // axis across the body (world x)
    roller.position.set(0, FLOOR_Y + r, 0);
    room.add(roller);
    next.roller = roller;
  }
  if (scene.passerby) {
    const { body: b, height: h, clothes } = scene.passerby;
    const figure = createFigure(b, h, clothes ? { clothes } : {});
    room.add(figure);
    next.passerby = { figure, rest: figure.posture };
  }
  cast = next;
  return next;
}

/** One step of the walk cycle, seconds: the legs swing from one walking pose to the other. */
const STEP_S = 0.55;

/** Puts the passer-by where its straight walk has it at time t (hidden outside its walk). */
function placePasserby(c: Cast, scene: Scene, t: number) {
  const p = scene.passerby;
  if (!p || !c.passerby) return;
  const { figure, rest } = c.passerby;
  figure.visible = t >= p.start && t <= p.end;
  if (!figure.visible) return;
  figure.posture = rest as typeof figure.posture;
  const u = (t - p.start) / Math.max(1e-6, p.end - p.start);
  const dx = p.to[0] - p.from[0];
  const dz = p.to[1] - p.from[1];
  // Triangle wave 0→1→0 over two steps: from the left leg forward to the right and back.
  const phase = ((t - p.start) / STEP_S) % 2;
  const w = phase < 1 ? phase : 2 - phase;
  const a = POSES['walk-left-forward']!;
  const b = POSES['walk-right-forward']!;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  applyPosture(figure, [
    ['turn', -90 + (Math.atan2(dx, dz) * 180) / Math.PI],
    ...keys.map((k): [string, number] => [k, (a[k] ?? 0) * (1 - w) + (b[k] ?? 0) * w]),
  ]);
  figure.position.set(0, 0, 0);
  figure.stepOnGround();
  figure.position.x += p.from[0] + dx * u;
  figure.position.z += p.from[1] + dz * u;
  figure.updateMatrixWorld(true);
}

const UP = new THREE.Vector3(0, 1, 0);

/** Height of the figure's underside straight above (x, z), metres; undefined when nothing is there. */
function undersideAbove(man: Figure, x: number, z: number): number | undefined {
  const ray = new THREE.Raycaster(new THREE.Vector3(x, FLOOR_Y + 0.001, z), UP);
  return ray.intersectObject(man, true)[0]?.point.y;
}

/** Fraction of the way from mid-shoulder to mid-hip at which a point projects onto that line. */
function alongBack(man: Figure, p: THREE.Vector3): number {
  const s = mid(jointWorld(man, 'left_shoulder'), jointWorld(man, 'right_shoulder'));
  const h = mid(jointWorld(man, 'left_hip'), jointWorld(man, 'right_hip'));
  const d = h.clone().sub(s);
  return p.clone().sub(s).dot(d) / d.lengthSq();
}

/**
 * Puts the figure on the roller: slides it along its length until the roller
 * sits at `rollerAt` along the back, and lowers it until the back rests on top.
 */
function restOnRoller(c: Cast, rollerAt: number, sceneId: string) {
  const { man } = c;
  const r = (c.roller!.geometry as THREE.CylinderGeometry).parameters.radiusTop;
  const top = new THREE.Vector3(0, FLOOR_Y + 2 * r, 0);
  for (let i = 0; i < 6; i++) {
    man.updateMatrixWorld(true);
    const s = mid(jointWorld(man, 'left_shoulder'), jointWorld(man, 'right_shoulder'));
    const h = mid(jointWorld(man, 'left_hip'), jointWorld(man, 'right_hip'));
    const along = h.z - s.z;
    if (Math.abs(along) < 0.05) throw new Error(`${sceneId}: the torso is not lying along z`);
    man.position.z += ((alongBack(man, top) - rollerAt) * h.distanceToSquared(s)) / along;
    man.updateMatrixWorld(true);
    const under = undersideAbove(man, 0, 0);
    if (under === undefined) throw new Error(`${sceneId}: no body above the roller`);
    man.position.y += top.y - under;
  }
  man.updateMatrixWorld(true);
}

/** Bends hip and knee (Gauss–Newton on the two angles) until the ankle reaches its planted spot. */
function plantAnkle(
  c: Cast,
  side: 'l' | 'r',
  raise0: number,
  bend0: number,
  target: THREE.Vector3,
) {
  const leg = c.man[`${side}_leg`] as Record<string, number>;
  const knee = c.man[`${side}_knee`] as Record<string, number>;
  const ankle = c.man[`${side}_ankle`] as THREE.Object3D;
  const at = (raise: number, bend: number) => {
    leg.raise = raise;
    knee.bend = bend;
    c.man.updateMatrixWorld(true);
    const p = ankle.getWorldPosition(new THREE.Vector3());
    return [p.y, p.z] as const;
  };
  let raise = raise0;
  let bend = bend0;
  for (let i = 0; i < 12; i++) {
    const [y, z] = at(raise, bend);
    const ey = target.y - y;
    const ez = target.z - z;
    if (Math.hypot(ey, ez) < 2e-4) break;
    const d = 0.5;
    const [ya, za] = at(raise + d, bend);
    const [yb, zb] = at(raise, bend + d);
    const j11 = (ya - y) / d;
    const j12 = (yb - y) / d;
    const j21 = (za - z) / d;
    const j22 = (zb - z) / d;
    const det = j11 * j22 - j12 * j21;
    if (Math.abs(det) < 1e-9) break;
    const clamp = (v: number) => Math.max(-15, Math.min(15, v));
    raise += clamp((j22 * ey - j12 * ez) / det);
    bend += clamp((-j21 * ey + j11 * ez) / det);
  }
  at(raise, bend);
}

function placeFigure(c: Cast, scene: Scene, frame: ReturnType<typeof scriptFrame>) {
  const { man } = c;
  man.position.set(0, 0, 0);
  if (scene.placement.kind === 'ground') {
    man.stepOnGround();
    if (scene.placement.on === 'legs') {
      const legs = new THREE.Box3()
        .setFromObject(man.l_leg as THREE.Object3D, true)
        .union(new THREE.Box3().setFromObject(man.r_leg as THREE.Object3D, true));
      man.position.y += FLOOR_Y - legs.min.y;
    }
    man.position.x += frame.x;
    man.position.z += frame.z;
    man.updateMatrixWorld(true);
    return;
  }
  man.position.x = frame.x;
  man.stepOnGround();
  restOnRoller(c, frame.rollerAt!, scene.id);
  const posture = new Map(frame.posture);
  for (const side of ['l', 'r'] as const) {
    const a = jointWorld(man, side === 'l' ? 'left_ankle' : 'right_ankle');
    plantAnkle(
      c,
      side,
      posture.get(`${side}_leg.raise`) ?? 0,
      posture.get(`${side}_knee.bend`) ?? 0,
      new THREE.Vector3(a.x, FLOOR_Y + c.ankleHeightM, scene.placement.feetZ),
    );
  }
}

/** Rounded, with -0 made 0 (JSON cannot keep the sign, and the truth must round-trip). */
const round = (v: number, digits: number) => Number(v.toFixed(digits)) + 0;

function measureTruth(
  c: Cast,
  imageHeight: number,
  frame: ReturnType<typeof scriptFrame>,
  camera: THREE.PerspectiveCamera,
): FrameTruth {
  const { man } = c;
  const w = (n: TruthJoint) => jointWorld(man, n);
  const joints = {} as FrameTruth['joints'];
  for (const n of TRUTH_JOINTS) {
    const [x, y] = project(w(n), camera);
    joints[n] = [round(x, 4), round(y, 4)];
  }
  const shoulderLine = w('left_shoulder').sub(w('right_shoulder'));
  const hipLine = w('left_hip').sub(w('right_hip'));
  // Signed angle from the hip line to the shoulder line about +y (positive = chest to the figure's left).
  const rotation = Math.atan2(
    hipLine.z * shoulderLine.x - hipLine.x * shoulderLine.z,
    hipLine.x * shoulderLine.x + hipLine.z * shoulderLine.z,
  );
  const midHip = mid(w('left_hip'), w('right_hip'));
  const midShoulder = mid(w('left_shoulder'), w('right_shoulder'));
  const trunk = midShoulder.clone().sub(midHip);
  const head = headCentre(man);
  const midAnkle = mid(w('left_ankle'), w('right_ankle'));
  const hipHeightM = midHip.y - FLOOR_Y;
  const forward = camera.getWorldDirection(new THREE.Vector3());
  const depth = mid(midHip, midShoulder).sub(camera.position).dot(forward);
  const focalPx = imageHeight / 2 / Math.tan((camera.fov * Math.PI) / 360);
  const truth: FrameTruth = {
    t: round(frame.t, 4),
    phase: frame.phase,
    faults: frame.faults,
    joints,
    rotationDeg: round((rotation * 180) / Math.PI, 2),
    trunkLeanDeg: round((trunk.angleTo(UP) * 180) / Math.PI, 2),
    hipHeightM: round(hipHeightM, 4),
    hipHeightThighs: round(hipHeightM / c.thighLengthM, 4),
    pxPerM: round(focalPx / depth, 2),
    handsOnHead:
      w('left_wrist').distanceTo(head) < TRUTH_RULES.handsOnHeadM &&
      w('right_wrist').distanceTo(head) < TRUTH_RULES.handsOnHeadM,
    palmsTogether: w('left_wrist').distanceTo(w('right_wrist')) < TRUTH_RULES.palmsTogetherM,
    hipsBack: midHip.distanceTo(midAnkle) < TRUTH_RULES.hipsBackThighs * c.thighLengthM,
  };
  if (c.roller)
    truth.rollerAt = round(
      alongBack(
        man,
        new THREE.Vector3(
          0,
          FLOOR_Y + 2 * (c.roller.geometry as THREE.CylinderGeometry).parameters.radiusTop,
          0,
        ),
      ),
      4,
    );
  return truth;
}

export interface RenderedFrame {
  png: string;
  truth: FrameTruth;
  figure: { thighLengthM: number; torsoLengthM: number };
}

/** Reads a joint angle off the figure (called only while it stands in its rest posture). */
function restAngle(c: Cast, key: string): number | undefined {
  if (!c.restAngles.has(key)) {
    const [a, b] = key.split('.') as [string, string | undefined];
    const value =
      b === undefined ? c.man[a] : (c.man[a] as Record<string, unknown> | undefined)?.[b];
    c.restAngles.set(key, typeof value === 'number' ? value : undefined);
  }
  return c.restAngles.get(key);
}

export function renderClipFrame(scene: Scene, index: number): RenderedFrame {
  const c = castFor(scene);
  c.man.posture = c.rest as typeof c.man.posture;
  const frame = scriptFrame(scene, index, (key) => restAngle(c, key));
  applyPosture(c.man, frame.posture);
  placeFigure(c, scene, frame);
  placePasserby(c, scene, frame.t);
  const camera = makeCamera(scene.camera);
  setLight(scene.light);
  const png = renderPng(camera, scene.camera.width, scene.camera.height);
  return {
    png,
    truth: measureTruth(c, scene.camera.height, frame, camera),
    figure: { thighLengthM: c.thighLengthM, torsoLengthM: c.torsoLengthM },
  };
}
