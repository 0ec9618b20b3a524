/**
 * Loads the pose engine the settings ask for into the pose loop. With
 * `auto`, times a few frames of the live camera on each candidate, cheapest
 * first, and keeps the most accurate one that keeps up (engine-autopick.ts);
 * falls back to TensorFlow.js when MediaPipe will not load at all. The
 * MediaPipe delegate is `auto` throughout, which already falls back from
 * the GPU to the CPU (and skips a software-only GPU).
 */
import type { EngineSpec } from '../pose/create-pose-engine.ts';
import { engineName, parseEngineName, withBackend } from '../pose/engine-options.ts';
import type { CoachSettings } from './coach-settings.ts';
import {
  AUTO_FALLBACK,
  type EngineTrial,
  frameBudgetMs,
  measureOrder,
  pickEngine,
} from './engine-autopick.ts';
import type { PoseLoopController } from './pose-loop-controller.ts';

/** Frames timed per candidate, after WARM_UP_FRAMES that are not counted. */
export const TIMED_FRAMES = 5;
/** The first frames of a fresh model run slow (graph set-up, caches); measured here: 2–20× the rest. */
export const WARM_UP_FRAMES = 2;
/** Give up timing a candidate after this long, ms. */
const TIMING_LIMIT_MS = 15_000;

export interface EngineChoice {
  spec: EngineSpec;
  /** One line for the person: what was chosen and why. */
  note: string;
  trials: EngineTrial[];
}

export async function chooseEngine(
  loop: PoseLoopController,
  settings: Pick<CoachSettings, 'engine' | 'backend'>,
  progress: (text: string) => void,
): Promise<EngineChoice> {
  if (settings.engine !== 'auto') {
    const base = parseEngineName(settings.engine);
    const spec = settings.backend ? withBackend(base, settings.backend) : base;
    progress(`Loading ${engineName(spec)}…`);
    await loop.load(spec);
    return { spec, note: `Using ${engineName(spec)} (chosen in settings).`, trials: [] };
  }
  const budget = frameBudgetMs();
  const trials: EngineTrial[] = [];
  let loaded: EngineSpec | undefined;
  for (const spec of measureOrder()) {
    progress(`Timing ${engineName(spec)} on your camera…`);
    try {
      await loop.load(spec);
      loaded = spec;
    } catch {
      trials.push({ spec, medianMs: undefined });
      continue;
    }
    const medianMs = await timeFrames(loop);
    trials.push({ spec, medianMs });
    if (medianMs === undefined || medianMs > budget) break; // heavier ones are only slower
  }
  const pick = pickEngine(trials, budget);
  if (!pick) {
    progress(`MediaPipe would not load; trying ${engineName(AUTO_FALLBACK)}…`);
    await loop.load(AUTO_FALLBACK);
    return {
      spec: AUTO_FALLBACK,
      note: `Using ${engineName(AUTO_FALLBACK)}: MediaPipe would not load.`,
      trials,
    };
  }
  if (loaded !== pick) {
    progress(`Loading ${engineName(pick)}…`);
    await loop.load(pick);
  }
  const ms = Math.round(trials.find((t) => t.spec === pick)?.medianMs ?? 0);
  const note =
    ms <= budget
      ? `Chose ${engineName(pick)}: ${ms} ms a frame (budget ${Math.round(budget)} ms).`
      : `Chose ${engineName(pick)}, the fastest: ${ms} ms a frame, over the ${Math.round(budget)} ms budget, so some frames are skipped.`;
  return { spec: pick, note, trials };
}

/** Median time of one model run over TIMED_FRAMES frames of the attached video, ms; undefined if none came. */
function timeFrames(loop: PoseLoopController): Promise<number | undefined> {
  return new Promise((resolve) => {
    const times: number[] = [];
    const previous = loop.onPose;
    const done = () => {
      clearTimeout(timer);
      loop.onPose = previous;
      const sorted = times.slice(WARM_UP_FRAMES).sort((a, b) => a - b);
      resolve(sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined);
    };
    const timer = setTimeout(done, TIMING_LIMIT_MS);
    loop.onPose = (pose) => {
      previous(pose);
      // Per model run: an empty room makes the tracker try 3–4 orientations a frame,
      // which says nothing about how fast this model is.
      times.push(pose.inferenceMs / Math.max(1, pose.tried));
      if (times.length >= WARM_UP_FRAMES + TIMED_FRAMES) done();
    };
  });
}
