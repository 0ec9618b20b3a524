import { describe, expect, it } from 'vitest';
import type { EngineSpec } from '../../src/pose/create-pose-engine.ts';
import { engineWords, lighterEngine, specKey } from '../../src/pose/lighter-engine.ts';

/** Follows the chain from `spec` until nothing is left, as the loop does after each failure. */
function chain(spec: EngineSpec): string[] {
  const tried = new Set<string>([specKey(spec)]);
  const out: string[] = [];
  for (let next = lighterEngine(spec, tried); next; next = lighterEngine(next, tried)) {
    out.push(specKey(next));
    tried.add(specKey(next));
  }
  return out;
}

describe('lighterEngine', () => {
  it('goes down the same engine first, then to the other engine, and ends', () => {
    expect(chain({ engine: 'mediapipe', model: 'heavy' })).toEqual([
      'mediapipe/full',
      'mediapipe/lite',
      'tfjs/blazepose-lite',
    ]);
    expect(chain({ engine: 'mediapipe', model: 'lite' })).toEqual(['tfjs/blazepose-lite']);
    expect(chain({ engine: 'tfjs', model: 'blazepose-full' })).toEqual([
      'tfjs/blazepose-lite',
      'mediapipe/lite',
    ]);
    expect(chain({ engine: 'tfjs', model: 'movenet-thunder' })).toEqual([
      'tfjs/movenet-lightning',
      'mediapipe/lite',
      'tfjs/blazepose-lite',
    ]);
  });

  it('never offers the engine that failed or one already tried', () => {
    const spec: EngineSpec = { engine: 'mediapipe', model: 'lite' };
    expect(lighterEngine(spec, new Set())).toEqual({ engine: 'tfjs', model: 'blazepose-lite' });
    expect(lighterEngine(spec, new Set(['tfjs/blazepose-lite']))).toBeUndefined();
    // A backend or delegate is not kept: the default of the engine tried next.
    expect(
      lighterEngine({ engine: 'tfjs', model: 'blazepose-lite', backend: 'webgl' }, new Set()),
    ).toEqual({ engine: 'mediapipe', model: 'lite' });
  });

  it('names engines in words', () => {
    expect(engineWords({ engine: 'mediapipe', model: 'full' })).toBe('MediaPipe full');
    expect(engineWords({ engine: 'tfjs', model: 'blazepose-lite' })).toBe(
      'TensorFlow.js BlazePose lite',
    );
    expect(engineWords({ engine: 'tfjs', model: 'movenet-lightning' })).toBe(
      'TensorFlow.js MoveNet lightning',
    );
  });
});
