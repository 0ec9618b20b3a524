/**
 * Foam-roller clips: lying back over the roller, hands to the head (or arms
 * crossed), then pauses and rolls at speeds from very slow to too fast, hips
 * lifted too high, hands leaving the head, the roller onto the lower back;
 * each fault at a random time and size, mild ones near their line.
 */
import { POSES } from '../scenes/poses.ts';
import { ClipScript, smoothCrossing } from './clip-script.ts';
import { FLOOR_Y_M } from './corpus-scene.ts';
import {
  blendPose,
  type ClipGenerator,
  MAX_CLIP_S,
  MIN_CLIP_S,
  plannedLength,
} from './drawn-clip.ts';
import { FAULT_LINES, type ScriptedLine } from './fault-lines.ts';
import { bothSides, type ViewRange } from './sample-camera.ts';

const VIEWS: ViewRange[] = bothSides([
  { bucket: 'side', from: 75, to: 105, weight: 0.4 },
  { bucket: 'oblique', from: 35, to: 55, weight: 0.2 },
  { bucket: 'oblique', from: 125, to: 145, weight: 0.15 },
  { bucket: 'outside', from: 20, to: 35, weight: 0.12 },
  { bucket: 'outside', from: 145, to: 160, weight: 0.13 },
]);

/** The upper back: where rolling and pauses happen (EXERCISES.md zone ~0.05–0.55). */
const ZONE = [0.08, 0.45] as const;
const BEND = POSES['roller-verified']!.bend!;

export const rollerClip: ClipGenerator = (s, figure) => {
  const H = figure.height;
  const feetZ = Number((H * s.uniform(0.47, 0.53)).toFixed(3));
  const crossed = s.chance(0.2);
  const armsPose = crossed ? 'roller-arms-crossed' : 'roller-verified';
  let at = s.uniform(0.12, 0.3);
  const script = new ClipScript({ pose: 'roller-arms-down', rollerAt: Number(at.toFixed(3)) });
  const drawnFaults: ReturnType<ClipGenerator>['drawnFaults'] = [];
  const rollSpeeds: number[] = [];
  const planned = plannedLength(s);
  const left = () => MAX_CLIP_S - script.t;

  script.hold(s.uniform(0.3, 1), 'setup');
  script.move(s.uniform(0.5, 4), { pose: armsPose }, 'setup');

  const scripted = (name: 'rolling-too-fast' | 'hips-too-high') =>
    FAULT_LINES[name] as ScriptedLine;
  const rollTo = (to: number, speed: number) => {
    const seconds = Math.abs(to - at) / speed;
    script.move(seconds, { rollerAt: Number(to.toFixed(3)) }, 'in-position', 'linear');
    at = to;
  };

  while (script.t < planned - 1) {
    const action = s.weighted([
      ['pause', 3],
      ['roll', 3],
      ['hips', 1.2],
      ['hands', crossed ? 0 : 1.2],
      ['lower', 1.2],
    ] as const);
    if (action === 'pause') {
      if (left() < 3) break;
      script.hold(Math.min(s.uniform(3, 30), left()), 'holding');
    } else if (action === 'roll') {
      const line = scripted('rolling-too-fast');
      // Half the rolls near the line, the rest from very slow to far too fast.
      const speed = s.chance(0.5) ? s.uniform(0.15, 0.35) : s.logUniform(0.03, 0.6);
      const from = script.t;
      let legs = 0;
      for (let n = s.int(1, 4); n > 0; n--) {
        let to = s.uniform(...ZONE);
        if (Math.abs(to - at) < 0.08) to = at < 0.26 ? at + 0.12 : at - 0.12;
        if (Math.abs(to - at) / speed > left() - 1) break;
        rollTo(to, speed);
        legs++;
      }
      if (!legs) break;
      rollSpeeds.push(Number(speed.toFixed(3)));
      const past = speed >= line.line;
      drawnFaults.push({
        name: 'rolling-too-fast',
        from,
        to: script.t,
        size: speed,
        unit: line.unit,
        line: line.line,
        pastLine: past,
      });
      if (past) script.fault('rolling-too-fast', from, script.t);
    } else if (action === 'hips') {
      const line = scripted('hips-too-high');
      const size = s.chance(0.5) ? s.uniform(4, 12) : s.uniform(3, 20);
      const up = s.uniform(0.6, 1.5);
      const stay = s.uniform(2, 8);
      const down = s.uniform(0.6, 1.5);
      if (up + stay + down > left() - 1) break;
      const t0 = script.t;
      script.move(up, { set: { bend: Number((BEND - size).toFixed(2)) } }, 'in-position');
      script.hold(stay, 'in-position');
      const t1 = script.t;
      script.move(down, { set: { bend: BEND } }, 'in-position');
      const u = smoothCrossing(size, line.line);
      drawnFaults.push({
        name: 'hips-too-high',
        from: t0,
        to: script.t,
        size,
        unit: line.unit,
        line: line.line,
        pastLine: u !== undefined,
      });
      if (u !== undefined) script.fault('hips-too-high', t0 + u * up, t1 + (1 - u) * down);
    } else if (action === 'hands') {
      // Both hands or one hand leave the head, all the way down or part of the way (mild).
      const f = s.chance(0.5) ? s.uniform(0.25, 0.6) : s.uniform(0.5, 1);
      const which = s.weighted([
        ['both', 2],
        ['l', 1],
        ['r', 1],
      ] as const);
      const blend = blendPose(POSES['roller-verified']!, POSES['roller-arms-down']!, f);
      const set = Object.fromEntries(
        Object.entries(blend).filter(([k]) => which === 'both' || k.startsWith(`${which}_`)),
      );
      const off = s.uniform(0.6, 1.5);
      const stay = s.uniform(2, 8);
      const back = s.uniform(0.6, 1.5);
      if (off + stay + back > left() - 1) break;
      const t0 = script.t;
      script.move(off, { pose: armsPose, set }, 'in-position');
      script.hold(stay, 'in-position');
      script.move(back, { pose: armsPose }, 'in-position');
      const line = FAULT_LINES['hands-off-head'];
      drawnFaults.push({
        name: 'hands-off-head',
        from: t0,
        to: script.t,
        size: f,
        unit: `fraction of the way to the arms resting down (${which})`,
        line: line.line,
        pastLine: 'measured',
      });
      script.fault('hands-off-head', t0, script.t);
    } else {
      const to = s.uniform(0.5, 0.8);
      const speed = s.uniform(0.05, 0.2);
      const stay = s.uniform(1, 4);
      const home = s.uniform(0.15, 0.35);
      if ((to - at + to - home) / speed + stay > left() - 1) break;
      const t0 = script.t;
      rollTo(to, speed);
      script.hold(stay, 'in-position');
      rollTo(home, speed);
      const line = FAULT_LINES['lower-back'];
      drawnFaults.push({
        name: 'lower-back',
        from: t0,
        to: script.t,
        size: to,
        unit: line.unit,
        line: line.line,
        pastLine: 'measured',
      });
      script.fault('lower-back', t0, script.t);
    }
  }
  if (script.t < MIN_CLIP_S) script.hold(MIN_CLIP_S - script.t + s.uniform(0, 2), 'holding');

  return {
    script,
    description: `Lies back over the roller (${crossed ? 'arms crossed' : 'hands behind the head'}), then ${describe(drawnFaults, rollSpeeds)}.`,
    placement: { kind: 'roller', feetZ },
    roller: { diameter: Number(s.uniform(0.13, 0.16).toFixed(3)), length: 0.9 },
    body: {
      centre: [0, FLOOR_Y_M + 0.25, (feetZ - 0.42 * H) / 2],
      halfWidth: 0.52 * H,
      halfHeight: 0.35,
    },
    views: VIEWS,
    drawnFaults,
    rollSpeeds,
    nuisances: crossed ? ['arms crossed variant'] : [],
  };
};

function describe(faults: ReturnType<ClipGenerator>['drawnFaults'], speeds: number[]) {
  const parts = faults.map((f) =>
    f.name === 'rolling-too-fast'
      ? `rolls at ${f.size.toFixed(2)} torso lengths/s${f.pastLine ? ' (too fast)' : ''}`
      : `${f.name} (size ${f.size.toFixed(2)}${f.pastLine === true ? ', past the line' : f.pastLine === 'measured' ? ', judged on the rendered figure' : ', under the line'})`,
  );
  return parts.length ? parts.join(', ') : speeds.length ? 'rolls' : 'pauses';
}
