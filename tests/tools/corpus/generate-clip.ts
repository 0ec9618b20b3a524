/**
 * One corpus clip from its kind and seed: the figure, light and camera are
 * drawn first, then the exercise's timeline. The same kind and seed always
 * give the same scene (nothing else feeds the random stream).
 */
import { POSE_NAMES } from '../scenes/poses.ts';
import { validateScene } from '../scenes/scene-format.ts';
import { childClip } from './child-clip.ts';
import { type CorpusKind, type CorpusScene, corpusId } from './corpus-scene.ts';
import { splitOf } from './corpus-split.ts';
import type { ClipGenerator } from './drawn-clip.ts';
import { negativeClip } from './negative-clip.ts';
import { rollerClip } from './roller-clip.ts';
import { sampleCamera } from './sample-camera.ts';
import { sampleFigure } from './sample-figure.ts';
import { sampleLight } from './sample-light.ts';
import { samplePasserby } from './sample-passerby.ts';
import { hashSeed, Sampler } from './sampler.ts';
import { twistClip } from './twist-clip.ts';

const GENERATORS: Record<CorpusKind, ClipGenerator> = {
  'foam-roller': rollerClip,
  'seated-twist': twistClip,
  'childs-pose': childClip,
  none: negativeClip,
};

const r2 = (v: number) => Number(v.toFixed(2));

export function generateClip(kind: CorpusKind, seed: number): CorpusScene {
  const s = new Sampler(hashSeed(`${kind}/${seed}`));
  const figure = sampleFigure(s);
  const light = sampleLight(s);
  const drawn = GENERATORS[kind](s, figure);
  const cam = drawn.camera ?? sampleCamera(s, drawn.views, drawn.body);
  const id = corpusId(kind, seed);
  const { script } = drawn;
  const scene: CorpusScene = {
    id,
    exercise: kind,
    description: drawn.description,
    figure,
    camera: cam.camera,
    duration: script.duration,
    placement: drawn.placement,
    keyframes: script.keyframes,
    phases: script.phases,
    faults: script.faults,
    light,
    corpus: {
      generator: 'spinewise-corpus/1',
      seed,
      split: splitOf(seed),
      view: cam.bucket,
      azimuthDeg: cam.azimuthDeg,
      cameraHeightM: cam.heightM,
      drawnFaults: drawn.drawnFaults.map((f) => ({
        ...f,
        from: r2(f.from),
        to: r2(f.to),
        size: Number(f.size.toFixed(3)),
      })),
      nuisances: drawn.nuisances,
    },
  };
  if (drawn.side) scene.side = drawn.side;
  if (drawn.mirror !== undefined) scene.mirror = drawn.mirror;
  if (drawn.roller) scene.roller = drawn.roller;
  if (drawn.negative) scene.corpus.negative = drawn.negative;
  if (drawn.rollSpeeds) scene.corpus.rollSpeeds = drawn.rollSpeeds;
  const passerby = samplePasserby(s, scene.camera, scene.duration);
  if (passerby) {
    scene.passerby = passerby;
    scene.corpus.nuisances.push('a second person walks past behind');
  }
  // The generator must only ever write scenes the renderer accepts.
  validateScene(JSON.parse(JSON.stringify(scene)), id, POSE_NAMES);
  return scene;
}
