import type { EngineSpec } from './create-pose-engine.ts';

/** Every engine/model/backend choice the app offers, with a label for people. */
export const ENGINE_CHOICES: ReadonlyArray<{ label: string; spec: EngineSpec }> = [
  { label: 'MediaPipe · lite', spec: { engine: 'mediapipe', model: 'lite' } },
  { label: 'MediaPipe · full', spec: { engine: 'mediapipe', model: 'full' } },
  { label: 'MediaPipe · heavy', spec: { engine: 'mediapipe', model: 'heavy' } },
  { label: 'TensorFlow.js · BlazePose lite', spec: { engine: 'tfjs', model: 'blazepose-lite' } },
  { label: 'TensorFlow.js · BlazePose full', spec: { engine: 'tfjs', model: 'blazepose-full' } },
  {
    label: 'TensorFlow.js · MoveNet Lightning',
    spec: { engine: 'tfjs', model: 'movenet-lightning' },
  },
  { label: 'TensorFlow.js · MoveNet Thunder', spec: { engine: 'tfjs', model: 'movenet-thunder' } },
];

export const BACKEND_CHOICES = {
  mediapipe: [
    { value: 'auto', label: 'Auto (GPU, else CPU)' },
    { value: 'GPU', label: 'GPU' },
    { value: 'CPU', label: 'CPU' },
  ],
  tfjs: [
    { value: 'wasm', label: 'WebAssembly' },
    { value: 'webgl', label: 'WebGL' },
    { value: 'cpu', label: 'Plain JavaScript (slow)' },
  ],
} as const;

export function withBackend(spec: EngineSpec, backend: string): EngineSpec {
  return spec.engine === 'mediapipe'
    ? { ...spec, delegate: backend as 'auto' | 'GPU' | 'CPU' }
    : { ...spec, backend: backend as 'wasm' | 'webgl' | 'cpu' };
}

/** `mediapipe/lite`, `tfjs/blazepose-lite`…: the names tools and recordings use for a spec. */
export function engineName(spec: EngineSpec): `${EngineSpec['engine']}/${string}` {
  return `${spec.engine}/${spec.model}`;
}

/** The spec an engine name stands for; throws listing the valid names. */
export function parseEngineName(name: string): EngineSpec {
  const choice = ENGINE_CHOICES.find((c) => engineName(c.spec) === name);
  if (!choice) {
    const valid = ENGINE_CHOICES.map((c) => engineName(c.spec)).join(', ');
    throw new Error(`Unknown engine "${name}". Use one of: ${valid}`);
  }
  return choice.spec;
}
