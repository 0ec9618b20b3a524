import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_FAULTS } from '../../../src/exercises/form-faults.ts';
import type { FrameTruth } from '../scenes/truth-format.ts';
import { smoothCrossing } from './clip-script.ts';
import { CORPUS_SCENES_DIR, loadCorpusScenes } from './corpus-files.ts';
import { CORPUS_KINDS, type CorpusScene } from './corpus-scene.ts';
import { splitOf } from './corpus-split.ts';
import { labelFaults } from './fault-lines.ts';
import { generateClip } from './generate-clip.ts';
import { NEGATIVE_KINDS } from './negative-clip.ts';

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
const all = CORPUS_KINDS.flatMap((k) => SEEDS.map((s) => generateClip(k, s)));
const ofKind = (k: string) => all.filter((c) => c.exercise === k);

describe('corpus generator', () => {
  it('gives the same scene for the same seed, and another for another seed', () => {
    expect(generateClip('foam-roller', 7)).toEqual(generateClip('foam-roller', 7));
    expect(generateClip('foam-roller', 7)).not.toEqual(generateClip('foam-roller', 8));
    expect(generateClip('seated-twist', 7).figure).not.toEqual(
      generateClip('childs-pose', 7).figure,
    );
  });

  it('keeps every draw inside the ranges issue 14 asks for', () => {
    for (const c of all) {
      expect(c.duration, c.id).toBeGreaterThanOrEqual(8);
      expect(c.duration, c.id).toBeLessThanOrEqual(40);
      expect(c.figure.height).toBeGreaterThanOrEqual(1.55);
      expect(c.figure.height).toBeLessThanOrEqual(1.95);
      expect(c.corpus.cameraHeightM).toBeGreaterThanOrEqual(0.2);
      expect(c.corpus.cameraHeightM).toBeLessThanOrEqual(1.2);
      expect(c.camera.position[1]).toBeCloseTo(-0.71 + c.corpus.cameraHeightM, 3);
      expect(c.camera.fov).toBeGreaterThanOrEqual(40);
      expect(c.camera.fov).toBeLessThanOrEqual(70);
      expect(c.camera.width).toBeGreaterThanOrEqual(480);
      expect(c.camera.width).toBeLessThanOrEqual(1280);
      expect(c.camera.height).toBeGreaterThanOrEqual(360);
      expect(c.camera.height).toBeLessThanOrEqual(720);
      expect(Math.abs(c.camera.roll ?? 0)).toBeLessThanOrEqual(6);
      expect(c.light!.level).toBeGreaterThanOrEqual(0.3);
      expect(c.light!.level).toBeLessThanOrEqual(1);
      for (const f of c.faults) expect(f.to).toBeLessThanOrEqual(c.duration);
    }
    const bodies = new Set(all.map((c) => c.figure.body));
    expect(bodies).toEqual(new Set(['male', 'female']));
    expect(all.some((c) => c.light?.side)).toBe(true);
  });

  it('draws each stretch from the views it asks for and from views just outside them', () => {
    for (const k of ['foam-roller', 'seated-twist', 'childs-pose']) {
      const views = new Set(ofKind(k).map((c) => c.corpus.view));
      expect(views.has('outside'), k).toBe(true);
      expect(views.has('oblique'), k).toBe(true);
      expect(views.has(k === 'seated-twist' ? 'front' : 'side'), k).toBe(true);
    }
    // Both sides of the body.
    expect(ofKind('foam-roller').some((c) => c.corpus.azimuthDeg < 0)).toBe(true);
    expect(ofKind('foam-roller').some((c) => c.corpus.azimuthDeg > 0)).toBe(true);
  });

  it('scripts every fault of each stretch, mild ones under the line among them', () => {
    const exercises = {
      'foam-roller': ['hips-too-high', 'hands-off-head', 'lower-back', 'rolling-too-fast'],
      'seated-twist': ['slouching', 'twist-away-from-knee', 'forcing'],
      'childs-pose': ['hips-not-back', 'palms-apart'],
    };
    for (const [k, faults] of Object.entries(exercises)) {
      const drawn = ofKind(k).flatMap((c) => c.corpus.drawnFaults);
      for (const f of faults)
        expect(
          drawn.some((d) => d.name === f),
          `${k} ${f}`,
        ).toBe(true);
      expect(new Set(ofKind(k).flatMap((c) => c.faults.map((f) => f.name)))).toEqual(
        new Set(faults),
      );
    }
    for (const name of ['rolling-too-fast', 'hips-too-high', 'forcing']) {
      const drawn = all.flatMap((c) => c.corpus.drawnFaults).filter((d) => d.name === name);
      // Sizes on both sides of the line, some within 30 % of it.
      expect(
        drawn.some((d) => d.pastLine === true),
        name,
      ).toBe(true);
      expect(
        drawn.some((d) => d.pastLine === false),
        name,
      ).toBe(true);
      expect(
        drawn.some((d) => Math.abs(d.size - d.line) < 0.3 * d.line),
        name,
      ).toBe(true);
    }
    // A scripted fault sits inside the window it was drawn in, only when past its line.
    for (const c of all)
      for (const f of c.faults) {
        const d = c.corpus.drawnFaults.find(
          (x) => x.name === f.name && x.from <= f.from + 0.01 && f.to <= x.to + 0.01,
        );
        expect(d, `${c.id} ${f.name}`).toBeDefined();
        expect(d!.pastLine).not.toBe(false);
      }
    expect(FORM_FAULTS.length).toBe(9);
  });

  it('makes holds of 3–30 s, and roller speeds from very slow to too fast', () => {
    const holds = all.flatMap((c) =>
      c.phases.filter((p) => p.name === 'holding').map((p) => p.to - p.from),
    );
    expect(Math.min(...holds)).toBeGreaterThanOrEqual(2.9);
    expect(Math.max(...holds)).toBeGreaterThan(20);
    const speeds = ofKind('foam-roller').flatMap((c) => c.corpus.rollSpeeds ?? []);
    expect(Math.min(...speeds)).toBeLessThan(0.06);
    expect(Math.max(...speeds)).toBeGreaterThan(0.4);
  });

  it('makes negatives of every kind, with no exercise and no faults', () => {
    const negatives = ofKind('none');
    expect(new Set(negatives.map((c) => c.corpus.negative))).toEqual(new Set(NEGATIVE_KINDS));
    for (const c of negatives) expect(c.faults).toEqual([]);
  });

  it('sends a second person past behind in some clips, farther from the camera than the target', () => {
    const withOne = all.filter((c) => c.passerby);
    expect(withOne.length).toBeGreaterThan(all.length * 0.05);
    for (const c of withOne) {
      const p = c.passerby!;
      const mid = [(p.from[0] + p.to[0]) / 2, (p.from[1] + p.to[1]) / 2];
      const [cx, , cz] = c.camera.position;
      const [tx, , tz] = c.camera.target;
      expect(Math.hypot(mid[0]! - cx, mid[1]! - cz)).toBeGreaterThan(
        Math.hypot(tx - cx, tz - cz) + 1.4,
      );
      expect(p.end).toBeLessThanOrEqual(c.duration);
      expect(c.corpus.nuisances).toContain('a second person walks past behind');
    }
  });

  it('splits by seed: a third of the seeds are test', () => {
    expect(SEEDS.filter((s) => splitOf(s) === 'test').length).toBe(20);
    for (const c of all) expect(c.corpus.split).toBe(c.corpus.seed % 3 === 0 ? 'test' : 'dev');
  });

  it('the committed corpus scenes are what the generator makes from their seeds', () => {
    const committed = loadCorpusScenes();
    expect(committed.length).toBeGreaterThanOrEqual(400);
    for (const c of committed) {
      const file = JSON.parse(
        readFileSync(join(CORPUS_SCENES_DIR, `${c.scene.id}.json`), 'utf8'),
      ) as CorpusScene;
      // Through JSON, as the file holds it (−0 is written as 0).
      expect(file, c.scene.id).toEqual(
        JSON.parse(JSON.stringify(generateClip(c.scene.exercise, c.meta.seed))),
      );
    }
    for (const k of ['foam-roller', 'seated-twist', 'childs-pose'])
      expect(committed.filter((c) => c.scene.exercise === k).length).toBeGreaterThanOrEqual(100);
  });
});

describe('fault lines', () => {
  it('finds where a smooth move crosses its line', () => {
    expect(smoothCrossing(10, 5)).toBeCloseTo(0.5, 6);
    expect(smoothCrossing(4, 8)).toBeUndefined();
    const u = smoothCrossing(16, 8 * (0.25 * 0.25 * (3 - 0.5)) * 2)!;
    expect(u).toBeCloseTo(0.25, 6);
  });

  it('keeps a measured fault only on the frames past its line', () => {
    const frame = (over: Partial<FrameTruth>): FrameTruth =>
      ({
        t: 0,
        phase: 'in-position',
        joints: {},
        rotationDeg: 0,
        trunkLeanDeg: 5,
        hipHeightM: 0,
        hipHeightThighs: 0,
        pxPerM: 1,
        handsOnHead: true,
        palmsTogether: true,
        hipsBack: true,
        ...over,
        faults: over.faults ?? [],
      }) as FrameTruth;
    const frames = [
      frame({ faults: ['slouching'], trunkLeanDeg: 19 }),
      frame({ faults: ['slouching'], trunkLeanDeg: 21 }),
      frame({ faults: ['twist-away-from-knee'], rotationDeg: 12 }),
      frame({ faults: ['twist-away-from-knee'], rotationDeg: -12 }),
      frame({ faults: ['palms-apart', 'rolling-too-fast'], palmsTogether: true }),
      frame({ faults: ['lower-back'], rollerAt: 0.65 }),
      frame({ faults: [], trunkLeanDeg: 40 }),
    ];
    // Twist toward the right knee (side −1): turning the chest left (+) is away from it.
    expect(labelFaults(frames, -1).map((f) => f.faults)).toEqual([
      [],
      ['slouching'],
      ['twist-away-from-knee'],
      [],
      ['rolling-too-fast'],
      ['lower-back'],
      [],
    ]);
    expect(labelFaults(frames, 1)[3]!.faults).toEqual(['twist-away-from-knee']);
  });
});
