import { describe, expect, it } from 'vitest';
import { cpuEngine } from '../../src/pose/lighter-engine.ts';
import { isGpuLoss } from '../../src/pose/worker/worker-fault-rules.ts';

describe('cpuEngine (where a lost GPU context sends the engine)', () => {
  it('keeps the engine and model, on the CPU delegate or the wasm backend', () => {
    expect(cpuEngine({ engine: 'mediapipe', model: 'full', delegate: 'auto' }, 'GPU')).toEqual({
      engine: 'mediapipe',
      model: 'full',
      delegate: 'CPU',
    });
    expect(
      cpuEngine({ engine: 'tfjs', model: 'blazepose-lite', backend: 'webgl' }, 'webgl'),
    ).toEqual({ engine: 'tfjs', model: 'blazepose-lite', backend: 'wasm' });
  });

  it('has nothing to move when the engine runs on the CPU already', () => {
    expect(cpuEngine({ engine: 'mediapipe', model: 'lite' }, 'CPU')).toBeUndefined();
    expect(cpuEngine({ engine: 'tfjs', model: 'blazepose-lite' }, 'wasm')).toBeUndefined();
    expect(
      cpuEngine({ engine: 'tfjs', model: 'blazepose-lite', backend: 'cpu' }, 'cpu'),
    ).toBeUndefined();
  });
});

describe('isGpuLoss', () => {
  it.each([
    ['WebGL context lost.', true],
    ['Failed to compile fragment shader: CONTEXT_LOST_WEBGL', true],
    ['the graphics context was lost', false], // our own event words travel as a gpu-lost message, not an error
    ['GL context-lost while reading pixels', true],
    ['injected engine failure', false],
    ['The image is not a valid ImageBitmap', false],
  ])('%s → %s', (message, lost) => {
    expect(isGpuLoss(message)).toBe(lost);
  });
});
