/** One still frame of the figure, with its joints' projected truth (the image fixtures). */
import { applyPosture, createFigure, JOINT_OF, jointWorld } from './figure.ts';
import { makeCamera, project, renderPng, room, setLight } from './room.ts';
import type { StillSpec, StillTruth } from './still-spec.ts';

export function renderStill(spec: StillSpec): StillTruth {
  const man = createFigure(spec.figure, spec.figureHeight);
  room.add(man);
  try {
    applyPosture(man, Object.entries(spec.posture));
    man.stepOnGround();
    man.updateMatrixWorld(true);
    const camera = makeCamera({ ...spec.camera, width: spec.width, height: spec.height });
    setLight(undefined);
    const png = renderPng(camera, spec.width, spec.height);
    const joints: StillTruth['joints'] = {};
    for (const name of Object.keys(JOINT_OF) as (keyof typeof JOINT_OF)[]) {
      const w = jointWorld(man, name);
      const [x, y] = project(w, camera);
      joints[name] = { x, y, world: { x: w.x, y: w.y, z: w.z } };
    }
    return { png, joints };
  } finally {
    room.remove(man);
  }
}
