/**
 * Which engine to try when the one running keeps failing: a lighter model
 * of the same engine first (the likeliest cause is a model too big for the
 * device), then the other engine's light BlazePose (the cause may be the
 * engine or its backend). MoveNet only follows MoveNet: its 17 points
 * leave most checks unknown. Models already tried are skipped, so a chain
 * of failures ends instead of going round. Pure.
 */
import type { EngineSpec } from './create-pose-engine.ts';

/** Each engine's models, heaviest first. */
const MEDIAPIPE = ['heavy', 'full', 'lite'] as const;
const BLAZEPOSE = ['blazepose-full', 'blazepose-lite'] as const;
const MOVENET = ['movenet-thunder', 'movenet-lightning'] as const;

/** A stable name for a spec (engine/model), as the status line shows it. */
export function specKey(spec: EngineSpec): string {
  return `${spec.engine}/${spec.model}`;
}

/** Lighter models of the same engine, then the other engine's light one. */
function candidates(spec: EngineSpec): EngineSpec[] {
  if (spec.engine === 'mediapipe') {
    const lighter = MEDIAPIPE.slice(MEDIAPIPE.indexOf(spec.model) + 1);
    return [
      ...lighter.map((model) => ({ engine: 'mediapipe', model }) as const),
      { engine: 'tfjs', model: 'blazepose-lite' },
    ];
  }
  const family: readonly string[] = spec.model.startsWith('movenet') ? MOVENET : BLAZEPOSE;
  const lighter = family.slice(family.indexOf(spec.model) + 1) as EngineSpec['model'][];
  return [
    ...lighter.map((model) => ({ engine: 'tfjs', model }) as EngineSpec),
    { engine: 'mediapipe', model: 'lite' },
  ];
}

/** The next engine to try after `spec` failed, skipping `tried` (keys from `specKey`); undefined: none left. */
export function lighterEngine(
  spec: EngineSpec,
  tried: ReadonlySet<string>,
): EngineSpec | undefined {
  return candidates(spec).find((c) => !tried.has(specKey(c)) && specKey(c) !== specKey(spec));
}

/** The engine in words for a message ("MediaPipe lite", "TensorFlow.js BlazePose lite"). */
export function engineWords(spec: EngineSpec): string {
  if (spec.engine === 'mediapipe') return `MediaPipe ${spec.model}`;
  const [family, size] = spec.model.split('-');
  const name = family === 'movenet' ? 'MoveNet' : 'BlazePose';
  return `TensorFlow.js ${name} ${size}`;
}

/**
 * The same engine and model on the CPU (MediaPipe's CPU delegate, tfjs's
 * wasm backend): where to go when the GPU context is lost. Undefined when
 * `spec` does not run on the GPU (nothing to move).
 */
export function cpuEngine(spec: EngineSpec, backend: string): EngineSpec | undefined {
  if (backend !== 'GPU' && backend !== 'webgl') return undefined;
  return onCpu(spec);
}

/** `spec` kept off the GPU: MediaPipe's CPU delegate; tfjs on wasm unless it asked for plain cpu. */
export function onCpu(spec: EngineSpec): EngineSpec {
  if (spec.engine === 'mediapipe')
    return { engine: 'mediapipe', model: spec.model, delegate: 'CPU' };
  return { engine: 'tfjs', model: spec.model, backend: spec.backend === 'cpu' ? 'cpu' : 'wasm' };
}
