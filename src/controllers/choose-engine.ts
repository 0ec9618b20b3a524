/**
 * Loads the pose engine the settings ask for into the pose loop. With
 * `auto`, times a few frames of the live camera on each candidate, cheapest
 * first, and keeps the most accurate one that keeps up (engine-autopick.ts);
 * a model that loads but gives few frames is slow, not failed; TensorFlow.js
 * is the fallback only when MediaPipe will not load at all. The MediaPipe
 * delegate is `auto` throughout, which already falls back from the GPU to
 * the CPU (and skips a software-only GPU). With `auto` the loop then keeps
 * up with the camera for the whole session (`PoseLoopController.keepUpCeiling`).
 * An engine named in the settings stays as chosen.
 *
 * Cancellable: when `signal` aborts (Stop, Sharp pain, leaving) every wait
 * ends at once, the worker being started is ended, and the promise rejects
 * with the signal's reason; nothing is loaded after that.
 */
import type { EngineSpec } from '../pose/create-pose-engine.ts';
import { parseEngineName, withBackend } from '../pose/engine-options.ts';
import type { CoachSettings } from './coach-settings.ts';
import {
  AUTO_FALLBACK,
  describeChoice,
  type EngineTrial,
  engineLabel,
  failedTrial,
  frameBudgetMs,
  measureNext,
  measureOrder,
  pickEngine,
  TIMED_FRAMES,
  timedTrial,
  WARM_UP_FRAMES,
} from './engine-autopick.ts';
import type { PoseLoopController } from './pose-loop-controller.ts';

/** Stop timing a candidate after this long, ms: a model slower than this is far too slow anyway. */
export const TIMING_LIMIT_MS = 15_000;

export interface EngineChoice {
  spec: EngineSpec;
  /** One line for the person: what was chosen and why. */
  note: string;
  trials: EngineTrial[];
}

/** Whether an error is a cancellation (an abort), not a failure to show. */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

export async function chooseEngine(
  loop: PoseLoopController,
  settings: Pick<CoachSettings, 'engine' | 'backend'>,
  progress: (text: string) => void,
  signal?: AbortSignal,
): Promise<EngineChoice> {
  signal?.throwIfAborted();
  if (settings.engine !== 'auto') {
    const base = parseEngineName(settings.engine);
    const spec = settings.backend ? withBackend(base, settings.backend) : base;
    progress(`Loading ${engineLabel(spec)}…`);
    await loop.load(spec, signal);
    return { spec, note: `Using ${engineLabel(spec)} (chosen in settings).`, trials: [] };
  }
  const budget = frameBudgetMs();
  const trials: EngineTrial[] = [];
  const order = measureOrder();
  let loaded: EngineSpec | undefined;
  for (const [i, spec] of order.entries()) {
    const of = `(${i + 1} of ${order.length})`;
    progress(`Loading ${engineLabel(spec)} ${of}…`);
    try {
      await loop.load(spec, signal);
      loaded = spec;
    } catch (e) {
      if (isAbort(e)) throw e;
      trials.push(failedTrial(spec, e));
      continue;
    }
    progress(`Timing ${engineLabel(spec)} on your camera ${of}…`);
    const trial = await timeFrames(loop, spec, signal);
    trials.push(trial);
    if (!measureNext(trial, budget)) break; // heavier ones are only slower
  }
  const pick = pickEngine(trials, budget);
  const note = describeChoice(trials, pick, budget);
  if (!pick) {
    progress(`MediaPipe would not load; loading ${engineLabel(AUTO_FALLBACK)}…`);
    await loop.load(AUTO_FALLBACK, signal);
    loop.keepUpCeiling = AUTO_FALLBACK;
    return { spec: AUTO_FALLBACK, note, trials };
  }
  if (loaded !== pick) {
    progress(`Loading ${engineLabel(pick)}, the one chosen…`);
    await loop.load(pick, signal);
  }
  // From here on Automatic goes on choosing: lighter when the device falls behind, back up to this one.
  loop.keepUpCeiling = pick;
  return { spec: pick, note, trials };
}

/**
 * Times one model run on up to WARM_UP_FRAMES + TIMED_FRAMES frames of the
 * attached video, for at most TIMING_LIMIT_MS. Rejects on abort.
 */
function timeFrames(
  loop: PoseLoopController,
  spec: EngineSpec,
  signal: AbortSignal | undefined,
): Promise<EngineTrial> {
  return new Promise((resolve, reject) => {
    const runs: number[] = [];
    const arrivals: number[] = [];
    const previous = loop.onPose;
    const startMs = performance.now();
    const end = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
      loop.onPose = previous;
    };
    const done = () => {
      end();
      resolve(timedTrial(spec, runs, performance.now() - startMs, arrivals));
    };
    const aborted = () => {
      end();
      reject(signal?.reason);
    };
    const timer = setTimeout(done, TIMING_LIMIT_MS);
    if (signal?.aborted) return aborted();
    signal?.addEventListener('abort', aborted, { once: true });
    loop.onPose = (pose) => {
      previous(pose);
      // Per model run: an empty room makes the tracker try 3–4 orientations a frame,
      // which says nothing about how fast this model is.
      runs.push(pose.inferenceMs / Math.max(1, pose.tried));
      arrivals.push(performance.now() - startMs);
      if (runs.length >= WARM_UP_FRAMES + TIMED_FRAMES) done();
    };
  });
}
