/**
 * Negative clips: poses a person takes in front of the camera that are none
 * of the three stretches (issue 14), which the recogniser must not name:
 * sitting upright, standing, forward folds, all fours, lying flat, a lying
 * twist, walking into the picture and out again.
 */
import { ClipScript } from './clip-script.ts';
import { FLOOR_Y_M } from './corpus-scene.ts';
import type { ClipGenerator, DrawnClip } from './drawn-clip.ts';
import { plannedLength } from './drawn-clip.ts';
import { type BodyExtent, sampleCamera, type ViewRange } from './sample-camera.ts';
import type { Sampler } from './sampler.ts';

export const NEGATIVE_KINDS = [
  'sitting-upright',
  'standing',
  'forward-fold',
  'all-fours',
  'lying-flat',
  'lying-twist',
  'walk-in-out',
] as const;

const ANY_VIEW: ViewRange[] = [
  { bucket: 'front', from: -25, to: 25, weight: 1 },
  { bucket: 'oblique', from: 25, to: 65, weight: 1 },
  { bucket: 'oblique', from: -65, to: -25, weight: 1 },
  { bucket: 'side', from: 65, to: 115, weight: 1 },
  { bucket: 'side', from: -115, to: -65, weight: 1 },
];

const standing = (H: number): BodyExtent => ({
  centre: [0, FLOOR_Y_M + 0.5 * H, 0],
  halfWidth: 0.3 * H,
  halfHeight: 0.6 * H,
});
const seated = (H: number): BodyExtent => ({
  centre: [0, FLOOR_Y_M + 0.26 * H, 0.15],
  halfWidth: 0.36 * H,
  halfHeight: 0.36 * H,
});
const lying = (H: number): BodyExtent => ({
  centre: [0, FLOOR_Y_M + 0.12, 0],
  halfWidth: 0.55 * H,
  halfHeight: 0.2 * H,
});
const kneeling = (H: number): BodyExtent => ({
  centre: [0, FLOOR_Y_M + 0.2 * H, 0.1],
  halfWidth: 0.36 * H,
  halfHeight: 0.25 * H,
});

export const negativeClip: ClipGenerator = (s, figure) => {
  const H = figure.height;
  const kind = s.pick(NEGATIVE_KINDS);
  const planned = Math.min(25, plannedLength(s));
  const base = {
    placement: { kind: 'ground' } as DrawnClip['placement'],
    views: ANY_VIEW,
    drawnFaults: [],
    negative: kind,
    nuisances: [] as string[],
  };
  const holdRest = (script: ClipScript) => {
    if (script.t < planned) script.hold(planned - script.t, 'setup');
  };
  switch (kind) {
    case 'sitting-upright': {
      const script = new ClipScript({ pose: 'sit-upright' });
      script.hold(s.uniform(2, 8), 'setup');
      // Hands from the floor to the thighs and back: upright sitting is not still either.
      const thighs = { 'l_arm.raise': 25, 'r_arm.raise': 25 };
      script.move(s.uniform(1, 2.5), { pose: 'sit-upright', set: thighs }, 'setup');
      script.hold(s.uniform(1, 4), 'setup');
      script.move(s.uniform(1, 2.5), { pose: 'sit-upright' }, 'setup');
      holdRest(script);
      return {
        ...base,
        script,
        description:
          'Sits upright on the floor, legs straight, hands from the floor to the thighs and back.',
        body: seated(H),
      };
    }
    case 'standing': {
      const script = new ClipScript({ pose: 'stand' });
      script.hold(s.uniform(2, 6), 'setup');
      // Reaches both arms overhead for a moment (a standing stretch that is none of the three).
      script.move(
        s.uniform(1, 2),
        { pose: 'stand', set: { 'l_arm.raise': 170, 'r_arm.raise': 170 } },
        'setup',
      );
      script.hold(s.uniform(1, 4), 'setup');
      script.move(s.uniform(1, 2), { pose: 'stand' }, 'setup');
      holdRest(script);
      return {
        ...base,
        script,
        description: 'Stands facing about, reaches both arms overhead, lowers them.',
        body: standing(H),
      };
    }
    case 'forward-fold': {
      const seatedFold = s.chance(0.5);
      const script = new ClipScript({ pose: seatedFold ? 'sit-upright' : 'stand' });
      script.hold(s.uniform(1, 3), 'setup');
      script.move(s.uniform(1, 3), { pose: seatedFold ? 'seated-fold' : 'standing-fold' }, 'setup');
      script.hold(Math.max(3, planned - script.t - 3), 'setup');
      script.move(s.uniform(1, 2.5), { pose: seatedFold ? 'sit-upright' : 'stand' }, 'setup');
      return {
        ...base,
        script,
        description: `A ${seatedFold ? 'seated' : 'standing'} forward fold, held, then back up.`,
        body: seatedFold ? seated(H) : standing(H),
      };
    }
    case 'all-fours': {
      const script = new ClipScript({ pose: 'all-fours' });
      script.hold(s.uniform(2, 5), 'setup');
      // A cat–cow: the back rounds and arches.
      for (let i = s.int(1, 3); i > 0; i--) {
        script.move(
          s.uniform(1, 2),
          { pose: 'all-fours', set: { 'torso.bend': 20, 'head.nod': 20 } },
          'setup',
        );
        script.move(
          s.uniform(1, 2),
          { pose: 'all-fours', set: { 'torso.bend': -15, 'head.nod': -30 } },
          'setup',
        );
      }
      script.move(1, { pose: 'all-fours' }, 'setup');
      holdRest(script);
      return {
        ...base,
        placement: { kind: 'ground', on: 'legs' },
        script,
        description: 'On hands and knees, rounding and arching the back.',
        body: kneeling(H),
      };
    }
    case 'lying-flat': {
      const script = new ClipScript({ pose: 'lying-flat' });
      script.hold(s.uniform(2, 6), 'setup');
      script.move(
        s.uniform(1, 2),
        { pose: 'lying-flat', set: { 'l_arm.raise': 170, 'r_arm.raise': 170 } },
        'setup',
      );
      holdRest(script);
      return {
        ...base,
        script,
        description: 'Lies flat on the back, then stretches the arms overhead.',
        body: lying(H),
      };
    }
    case 'lying-twist': {
      const script = new ClipScript({ pose: 'lying-flat' });
      script.hold(s.uniform(1, 3), 'setup');
      script.move(s.uniform(1.5, 3), { pose: 'lying-twist' }, 'setup');
      script.hold(Math.max(3, planned - script.t - 2.5), 'setup');
      script.move(s.uniform(1.5, 2.5), { pose: 'lying-flat' }, 'setup');
      return {
        ...base,
        mirror: s.chance(0.5),
        script,
        description:
          'Lies on the back, knees bent up and swayed to one side, arms wide (a lying twist, knees not down).',
        body: lying(H),
      };
    }
    case 'walk-in-out':
      return walkInOut(s, H, base);
  }
};

/** Walks across the picture, stops facing the camera for a few seconds, walks on out of it. */
function walkInOut(
  s: Sampler,
  H: number,
  base: Omit<DrawnClip, 'script' | 'description' | 'body'>,
): DrawnClip {
  const body = standing(H);
  const camera = sampleCamera(s, ANY_VIEW, body);
  const a = (camera.azimuthDeg * Math.PI) / 180;
  // Across the view: perpendicular to the camera's direction on the floor.
  const dir = [Math.cos(a), -Math.sin(a)] as const;
  const sign = s.sign();
  const heading = (d: number) =>
    Math.round(-90 + (Math.atan2(d * dir[0], d * dir[1]) * 180) / Math.PI);
  const face = Math.round(-90 + camera.azimuthDeg);
  const far = 3.5;
  const speed = s.uniform(0.8, 1.3);
  const step = s.uniform(0.45, 0.6);
  const at = (d: number) => ({
    x: Number((d * dir[0]).toFixed(3)),
    z: Number((d * dir[1]).toFixed(3)),
  });
  const script = new ClipScript({
    pose: 'walk-left-forward',
    set: { turn: heading(sign) },
    ...at(-sign * far),
  });
  const walk = (from: number, to: number, d: number) => {
    let pos = from;
    let left = true;
    while (Math.abs(to - pos) > 1e-6) {
      const next =
        Math.abs(to - pos) <= speed * step ? to : pos + Math.sign(to - pos) * speed * step;
      const seconds = Math.abs(next - pos) / speed || step;
      left = !left;
      script.move(
        seconds,
        {
          pose: left ? 'walk-left-forward' : 'walk-right-forward',
          set: { turn: heading(d) },
          ...at(next),
        },
        'setup',
        'linear',
      );
      pos = next;
    }
  };
  walk(-sign * far, 0, sign);
  script.move(0.8, { pose: 'stand', set: { turn: face } }, 'setup');
  script.hold(s.uniform(2, 6), 'setup');
  const out = s.chance(0.5) ? sign : -sign;
  script.move(0.8, { pose: 'walk-left-forward', set: { turn: heading(out) } }, 'setup');
  walk(0, out * far, out);
  return {
    ...base,
    script,
    description: 'Walks into the picture, stops and faces the camera, walks out again.',
    body,
    camera,
    nuisances: ['leaves the frame'],
  };
}
