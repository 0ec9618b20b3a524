/**
 * Child's-pose clips: from hands and knees into the pose, holds, and hips
 * left high or palms drifting apart, each at a random time and size (mild
 * ones near the line), sometimes back up to all fours at the end.
 */
import { POSES } from '../scenes/poses.ts';
import { ClipScript } from './clip-script.ts';
import { FLOOR_Y_M } from './corpus-scene.ts';
import {
  blendPose,
  type ClipGenerator,
  MAX_CLIP_S,
  MIN_CLIP_S,
  plannedLength,
} from './drawn-clip.ts';
import { FAULT_LINES } from './fault-lines.ts';
import { bothSides, type ViewRange } from './sample-camera.ts';

const VIEWS: ViewRange[] = bothSides([
  { bucket: 'side', from: 75, to: 105, weight: 0.4 },
  { bucket: 'oblique', from: 35, to: 55, weight: 0.2 },
  { bucket: 'oblique', from: 125, to: 145, weight: 0.15 },
  { bucket: 'outside', from: 15, to: 30, weight: 0.12 },
  { bucket: 'outside', from: 150, to: 165, weight: 0.13 },
]);

const FAULT_POSE = {
  'hips-not-back': 'child-hips-high',
  'palms-apart': 'child-palms-apart',
} as const;

export const childClip: ClipGenerator = (s, figure) => {
  const H = figure.height;
  const script = new ClipScript({ pose: 'all-fours' });
  const drawnFaults: ReturnType<ClipGenerator>['drawnFaults'] = [];
  const planned = plannedLength(s);
  const left = () => MAX_CLIP_S - script.t;

  script.hold(s.uniform(0.5, 2), 'setup');
  const entry = s.uniform(0.5, 4);
  if (s.chance(0.5)) {
    script.move(entry * 0.45, { pose: 'child-arms-forward' }, 'setup');
    script.move(entry * 0.55, { pose: 'child-verified' }, 'setup');
  } else script.move(entry, { pose: 'child-verified' }, 'setup');

  while (script.t < planned - 1) {
    const action = s.weighted([
      ['hold', 3],
      ['hips-not-back', 1.3],
      ['palms-apart', 1.3],
    ] as const);
    if (action === 'hold') {
      if (left() < 4) break;
      script.hold(Math.min(s.uniform(3, 30), left() - 1), 'holding');
      continue;
    }
    const f = s.chance(0.5) ? s.uniform(0.3, 0.7) : s.uniform(0.2, 1);
    const go = s.uniform(0.8, 2);
    const stay = s.uniform(2, 8);
    const back = s.uniform(0.8, 2);
    if (go + stay + back > left() - 1) break;
    const set = blendPose(POSES['child-verified']!, POSES[FAULT_POSE[action]]!, f);
    const t0 = script.t;
    script.move(go, { pose: 'child-verified', set }, 'in-position');
    script.hold(stay, 'in-position');
    script.move(back, { pose: 'child-verified' }, 'in-position');
    drawnFaults.push({
      name: action,
      from: t0,
      to: script.t,
      size: f,
      unit: `fraction of the way to ${FAULT_POSE[action]}`,
      line: FAULT_LINES[action].line,
      pastLine: 'measured',
    });
    script.fault(action, t0, script.t);
  }
  if (script.t < MIN_CLIP_S) script.hold(MIN_CLIP_S - script.t + s.uniform(1, 3), 'holding');
  if (s.chance(0.4) && left() > 3.5) {
    script.move(s.uniform(1, 2), { pose: 'all-fours' }, 'resting');
    script.hold(s.uniform(0.5, 1.5), 'resting');
  }
  return {
    script,
    description: `From all fours into child's pose, then ${drawnFaults.map((f) => `${f.name} (${f.size.toFixed(2)})`).join(', ') || 'holds'}.`,
    placement: { kind: 'ground', on: 'legs' },
    body: { centre: [0, FLOOR_Y_M + 0.14 * H, 0.2], halfWidth: 0.36 * H, halfHeight: 0.22 * H },
    views: VIEWS,
    drawnFaults,
    nuisances: [],
  };
};
