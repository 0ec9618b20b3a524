/**
 * Seated-twist clips: sitting square with the legs placed (the coach's
 * zeroing moment), turning toward the bent knee, holds with a slow
 * deepening, and slouching, forcing jerks and turning the wrong way, each at
 * a random time and size. Left-side twists are the right-side poses mirrored.
 */
import { ClipScript } from './clip-script.ts';
import { FLOOR_Y_M } from './corpus-scene.ts';
import { type ClipGenerator, MAX_CLIP_S, MIN_CLIP_S, plannedLength } from './drawn-clip.ts';
import { FAULT_LINES, type ScriptedLine } from './fault-lines.ts';
import type { ViewRange } from './sample-camera.ts';

const VIEWS: ViewRange[] = [
  { bucket: 'front', from: -10, to: 10, weight: 0.35 },
  { bucket: 'oblique', from: 35, to: 55, weight: 0.2 },
  { bucket: 'oblique', from: -55, to: -35, weight: 0.2 },
  { bucket: 'outside', from: 60, to: 80, weight: 0.125 },
  { bucket: 'outside', from: -80, to: -60, weight: 0.125 },
];

/** The figure's rest values of the keys a slouch moves (Mannequin defaults). */
const TALL = { 'torso.bend': 2, 'head.nod': -10 };

export const twistClip: ClipGenerator = (s, figure) => {
  const H = figure.height;
  const side = s.pick(['left', 'right'] as const);
  const script = new ClipScript({ pose: 'twist-right-square' });
  const drawnFaults: ReturnType<ClipGenerator>['drawnFaults'] = [];
  const planned = plannedLength(s);
  // Up to 4 s of release and rest come after the last action.
  const left = () => MAX_CLIP_S - 4 - script.t;
  // Turn toward the bent knee, degrees of torso.turn; some too shallow ("turn further", not a fault).
  let angle = s.chance(0.15) ? s.uniform(10, 20) : s.uniform(25, 50);
  const twisted = () => ({
    pose: 'twist-right-verified',
    set: { 'torso.turn': -Number(angle.toFixed(1)) },
  });

  script.hold(s.uniform(1.5, 3), 'setup');
  script.move(s.uniform(0.5, 4), twisted(), 'in-position');

  while (script.t < planned - 1) {
    const action = s.weighted([
      ['hold', 3],
      ['slouch', 1.2],
      ['forcing', 1.2],
      ['away', 1],
    ] as const);
    if (action === 'hold') {
      if (left() < 4) break;
      angle = Math.min(55, angle + s.uniform(0, 6));
      script.move(Math.min(s.uniform(3, 30), left() - 1), twisted(), 'holding');
    } else if (action === 'slouch') {
      // Extra torso.bend; the trunk's lean grows by about a third of it (4.7° + 0.35 × size,
      // measured on rendered frames), so the 20° line sits near 44°: half the draws near it.
      const size = s.chance(0.5) ? s.uniform(32, 58) : s.uniform(10, 75);
      const down = s.uniform(0.8, 2);
      const stay = s.uniform(2, 8);
      const up = s.uniform(0.8, 2);
      if (down + stay + up > left() - 1) break;
      const t0 = script.t;
      const set = {
        'torso.bend': TALL['torso.bend'] + size,
        'head.nod': TALL['head.nod'] + size / 2,
      };
      script.move(down, { set: roundAll(set) }, 'in-position');
      script.hold(stay, 'in-position');
      script.move(up, { set: TALL }, 'in-position');
      const line = FAULT_LINES.slouching;
      drawnFaults.push({
        name: 'slouching',
        from: t0,
        to: script.t,
        size,
        unit: 'degrees of extra torso.bend',
        line: line.line,
        pastLine: 'measured',
      });
      script.fault('slouching', t0, script.t);
    } else if (action === 'forcing') {
      const line = FAULT_LINES.forcing as ScriptedLine;
      const jerk = s.chance(0.5) ? s.uniform(10, 25) : s.uniform(5, 30);
      const half = s.uniform(0.25, 0.5);
      const n = s.int(2, 5);
      if (2 * n * half + 1 > left() - 1) break;
      const t0 = script.t;
      for (let i = 0; i < n; i++) {
        script.move(
          half,
          { set: { 'torso.turn': -Number((angle + jerk).toFixed(1)) } },
          'in-position',
          'linear',
        );
        script.move(
          half,
          { set: { 'torso.turn': -Number(angle.toFixed(1)) } },
          'in-position',
          'linear',
        );
      }
      const speed = jerk / half;
      const past = speed >= line.line;
      drawnFaults.push({
        name: 'forcing',
        from: t0,
        to: script.t,
        size: speed,
        unit: line.unit,
        line: line.line,
        pastLine: past,
      });
      if (past) script.fault('forcing', t0, script.t);
      script.hold(s.uniform(0.5, 1.5), 'in-position');
    } else {
      const wrong = s.chance(0.5) ? s.uniform(8, 18) : s.uniform(5, 40);
      const parts = [
        s.uniform(0.6, 1.5),
        s.uniform(0.5, 2),
        s.uniform(2, 6),
        s.uniform(0.5, 2),
        s.uniform(0.5, 2),
      ];
      if (parts.reduce((a, b) => a + b) > left() - 1) break;
      const t0 = script.t;
      script.move(parts[0]!, { pose: 'twist-right-square' }, 'in-position');
      script.move(
        parts[1]!,
        { pose: 'twist-right-square', set: { 'torso.turn': Number(wrong.toFixed(1)) } },
        'in-position',
      );
      script.hold(parts[2]!, 'in-position');
      script.move(parts[3]!, { pose: 'twist-right-square' }, 'in-position');
      const t1 = script.t;
      script.move(parts[4]!, twisted(), 'in-position');
      const line = FAULT_LINES['twist-away-from-knee'];
      drawnFaults.push({
        name: 'twist-away-from-knee',
        from: t0,
        to: t1,
        size: wrong,
        unit: 'degrees of torso.turn away from the bent knee',
        line: line.line,
        pastLine: 'measured',
      });
      script.fault('twist-away-from-knee', t0, t1);
    }
  }
  if (script.t < MIN_CLIP_S - 2)
    script.move(MIN_CLIP_S - 2 - script.t + s.uniform(1, 3), twisted(), 'holding');
  script.move(s.uniform(0.5, 2), { pose: 'twist-right-square' }, 'resting');
  script.hold(s.uniform(0.5, 2), 'resting');

  return {
    script,
    description: `Sits square, twists toward the ${side} knee, then ${drawnFaults.map((f) => `${f.name} (size ${f.size.toFixed(1)})`).join(', ') || 'holds'}.`,
    placement: { kind: 'ground' },
    side,
    mirror: side === 'left',
    body: { centre: [0, FLOOR_Y_M + 0.26 * H, 0.15], halfWidth: 0.36 * H, halfHeight: 0.36 * H },
    views: VIEWS,
    drawnFaults,
    nuisances: [],
  };
};

function roundAll(set: Record<string, number>) {
  return Object.fromEntries(Object.entries(set).map(([k, v]) => [k, Number(v.toFixed(2))]));
}
