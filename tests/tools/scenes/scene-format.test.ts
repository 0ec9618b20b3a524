import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSceneFile, loadScenes } from './load-scenes.ts';
import { mirrorPosture, POSE_NAMES } from './poses.ts';
import { type Scene, validateScene } from './scene-format.ts';
import { scriptFrame } from './timeline.ts';

/** A valid scene to break one field at a time. */
function minimal(): Record<string, unknown> {
  return {
    id: 'tiny',
    exercise: 'childs-pose',
    description: 'test',
    figure: { body: 'male', height: 1.8 },
    camera: { position: [1, 0, 1], target: [0, 0, 0], fov: 40, width: 64, height: 64, fps: 10 },
    duration: 2,
    placement: { kind: 'ground' },
    keyframes: [
      { t: 0, pose: 'all-fours', set: { bend: 0 } },
      { t: 1, set: { bend: 10 }, ease: 'linear' },
      { t: 2, set: { bend: 20 } },
    ],
    phases: [
      { from: 0, to: 1, name: 'setup' },
      { from: 1, to: 2, name: 'holding' },
    ],
    faults: [{ from: 0.5, to: 1.5, name: 'hips-not-back' }],
  };
}

const validate = (s: unknown) => validateScene(s, 'tiny.json', POSE_NAMES);

describe('scene validation', () => {
  it('accepts a valid scene', () => {
    expect(validate(minimal()).id).toBe('tiny');
  });

  it('keeps the optional looks, light, roll and passer-by, and leaves them out when absent', () => {
    const s = minimal();
    expect(Object.keys(validate(s))).not.toContain('light');
    s.exercise = 'none';
    s.figure = {
      body: 'female',
      height: 1.6,
      skin: '#7a4a2b',
      clothes: '#2f3a4f',
      limbs: { arms: 0.95, legs: 1.05 },
    };
    (s.camera as Record<string, unknown>).roll = -4;
    s.light = { level: 0.4, side: { azimuth: 90, intensity: 2 } };
    s.passerby = { body: 'male', height: 1.7, from: [-3, -2], to: [3, -2], start: 0.5, end: 1.5 };
    const v = validate(s);
    expect(v.exercise).toBe('none');
    expect(v.figure).toEqual(s.figure);
    expect(v.camera.roll).toBe(-4);
    expect(v.light).toEqual(s.light);
    expect(v.passerby).toEqual(s.passerby);
  });

  const broken: [string, (s: Record<string, unknown>) => void, string][] = [
    [
      'missing fps',
      (s) => delete (s.camera as Record<string, unknown>).fps,
      '"camera.fps" must be a number',
    ],
    ['unknown exercise', (s) => (s.exercise = 'yoga'), '"exercise" must be one of'],
    [
      'unknown pose',
      (s) => ((s.keyframes as { pose?: string }[])[0]!.pose = 'handstand'),
      '"keyframes[0].pose" names no known pose',
    ],
    [
      'keyframes out of order',
      (s) => ((s.keyframes as { t: number }[])[2]!.t = 0.5),
      '"keyframes[2].t" must increase',
    ],
    [
      'gap between phases',
      (s) => ((s.phases as { from: number }[])[1]!.from = 1.2),
      '"phases[1].from" must be 1',
    ],
    [
      'phases short of the end',
      (s) => ((s.phases as { to: number }[])[1]!.to = 1.5),
      '"phases" must end at the duration',
    ],
    [
      'unknown fault',
      (s) => ((s.faults as { name: string }[])[0]!.name = 'bad-vibes'),
      '"faults[0].name" must be one of',
    ],
    ['twist without side', (s) => (s.exercise = 'seated-twist'), '"side" is required'],
    [
      'skin not a colour',
      (s) => ((s.figure as Record<string, unknown>).skin = 'brown'),
      '"figure.skin" must be a #rrggbb colour',
    ],
    [
      'limbs out of range',
      (s) => ((s.figure as Record<string, unknown>).limbs = { arms: 1.5, legs: 1 }),
      '"figure.limbs.arms" must be between 0.85 and 1.15',
    ],
    [
      'camera rolled too far',
      (s) => ((s.camera as Record<string, unknown>).roll = 45),
      '"camera.roll" must be between -20 and 20',
    ],
    [
      'light too bright',
      (s) => (s.light = { level: 3 }),
      '"light.level" must be between 0.1 and 1.5',
    ],
    [
      'passer-by path not x, z',
      (s) =>
        (s.passerby = { body: 'male', height: 1.7, from: [0, 0, 0], to: [1, 1], start: 0, end: 1 }),
      '"passerby.from" must hold 2 numbers',
    ],
    [
      'roller without roller',
      (s) => (s.placement = { kind: 'roller', feetZ: 1 }),
      '"roller" is required',
    ],
    [
      'joint angle not a number',
      (s) => ((s.keyframes as { set: Record<string, unknown> }[])[1]!.set.bend = '10'),
      '"keyframes[1].set.bend" must be a number',
    ],
    [
      'figure too tall',
      (s) => ((s.figure as { height: number }).height = 3),
      '"figure.height" must be between 1.4 and 2.1',
    ],
  ];
  it.each(broken)('%s → names the field', (_, breakIt, message) => {
    const s = minimal();
    breakIt(s);
    expect(() => validate(s)).toThrow(message);
    expect(() => validate(s)).toThrow(/^Scene tiny\.json: /);
  });

  it('a file that is not JSON, or whose id differs from its name, is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenes-'));
    writeFileSync(join(dir, 'tiny.json'), '{ "id": ');
    expect(() => loadSceneFile(join(dir, 'tiny.json'))).toThrow('"(file)" is not valid JSON');
    writeFileSync(join(dir, 'other.json'), JSON.stringify(minimal()));
    expect(() => loadSceneFile(join(dir, 'other.json'))).toThrow('"id" must match the file name');
  });
});

describe('timeline', () => {
  const scene = validate(minimal()) as Scene;
  const bendAt = (i: number) => Object.fromEntries(scriptFrame(scene, i).posture).bend;

  it('hits every keyframe and halfway is halfway', () => {
    expect(bendAt(0)).toBe(0);
    expect(bendAt(5)).toBeCloseTo(5);
    expect(bendAt(10)).toBe(10);
  });

  it('eases in and out by default and moves linearly when asked', () => {
    // 0 → 1 s is smooth (keyframe 0 has no ease): at 0.25 s, 10 × (3·0.25² − 2·0.25³) = 1.5625.
    expect(
      scriptFrame({ ...scene, camera: { ...scene.camera, fps: 4 } }, 1).posture,
    ).toContainEqual(['bend', expect.closeTo(1.5625, 6)]);
    // 1 → 2 s is linear: at 1.5 s, 15.
    expect(bendAt(15)).toBeCloseTo(15);
  });

  it('keeps the named pose for keys a later keyframe does not set, in the order written', () => {
    const keys = scriptFrame(scene, 12).posture.map(([k]) => k);
    expect(keys[0]).toBe('bend');
    expect(keys).toContain('l_knee.bend');
    expect(Object.fromEntries(scriptFrame(scene, 12).posture)['l_knee.bend']).toBe(90);
  });

  it('reports the phase and the faults present', () => {
    expect(scriptFrame(scene, 4)).toMatchObject({ phase: 'setup', faults: [] });
    expect(scriptFrame(scene, 6)).toMatchObject({ phase: 'setup', faults: ['hips-not-back'] });
    expect(scriptFrame(scene, 15)).toMatchObject({ phase: 'holding', faults: [] });
  });

  it('mirrors left and right', () => {
    expect(
      mirrorPosture({
        turn: -60,
        'torso.turn': -40,
        'l_leg.raise': 80,
        'r_wrist.tilt': -17,
        tilt: 5,
      }),
    ).toEqual({ turn: -120, 'torso.turn': 40, 'r_leg.raise': 80, 'l_wrist.tilt': 17, tilt: -5 });
  });
});

describe('the committed scenes', () => {
  const scenes = loadScenes().map((l) => l.scene);

  it('are at least 18 valid clips with unique ids', () => {
    expect(scenes.length).toBeGreaterThanOrEqual(18);
    expect(new Set(scenes.map((s) => s.id)).size).toBe(scenes.length);
  });

  it('cover good form and every fault of each exercise, both figures, both twist sides', () => {
    const faultsOf = (ex: string) =>
      new Set(scenes.filter((s) => s.exercise === ex).flatMap((s) => s.faults.map((f) => f.name)));
    expect([...faultsOf('foam-roller')].sort()).toEqual([
      'hands-off-head',
      'hips-too-high',
      'lower-back',
      'rolling-too-fast',
    ]);
    expect([...faultsOf('seated-twist')].sort()).toEqual([
      'forcing',
      'slouching',
      'twist-away-from-knee',
    ]);
    expect([...faultsOf('childs-pose')].sort()).toEqual(['hips-not-back', 'palms-apart']);
    for (const ex of ['foam-roller', 'seated-twist', 'childs-pose']) {
      expect(scenes.some((s) => s.exercise === ex && s.faults.length === 0)).toBe(true);
    }
    expect(new Set(scenes.map((s) => s.figure.body))).toEqual(new Set(['male', 'female']));
    const twists = scenes.filter((s) => s.exercise === 'seated-twist' && s.faults.length === 0);
    expect(new Set(twists.map((s) => s.side))).toEqual(new Set(['left', 'right']));
  });
});

describe('timeline: angles a keyframe does not set', () => {
  it('ease in from the rest value instead of jumping to the next keyframe', () => {
    const s = validate({
      ...minimal(),
      keyframes: [
        { t: 0, set: { bend: 0 }, ease: 'linear' },
        { t: 1, set: { 'torso.bend': 40 }, ease: 'linear' },
        { t: 2 },
      ],
    }) as Scene;
    const rest = (k: string) => (k === 'torso.bend' ? 2 : undefined);
    const at = (i: number) => Object.fromEntries(scriptFrame(s, i, rest).posture)['torso.bend'];
    expect(at(0)).toBe(2);
    expect(at(5)).toBeCloseTo(21); // halfway from rest 2 to 40
    expect(at(10)).toBe(40);
    // Without rest values the key holds the other keyframe's value.
    expect(Object.fromEntries(scriptFrame(s, 0).posture)['torso.bend']).toBe(40);
  });
});
