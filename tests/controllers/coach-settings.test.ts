import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COACH_SETTINGS,
  loadCoachSettings,
  parseCoachSettings,
  saveCoachSettings,
} from '../../src/controllers/coach-settings.ts';

function memoryStorage(initial?: string): Storage {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set('spinewise.coach-settings', initial);
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
    key: () => null,
    get length() {
      return map.size;
    },
  };
}

describe('coach settings', () => {
  it('defaults when nothing is stored, and round-trips what is saved', () => {
    const s = memoryStorage();
    expect(loadCoachSettings(s)).toEqual(DEFAULT_COACH_SETTINGS);
    const mine = {
      ...DEFAULT_COACH_SETTINGS,
      holdTargetS: 30,
      engine: 'tfjs/blazepose-lite',
      backend: 'wasm',
      mirror: false,
      voice: { enabled: false, voiceURI: 'x', rate: 1.4 },
    };
    saveCoachSettings(mine, s);
    expect(loadCoachSettings(s)).toEqual(mine);
  });

  it('falls back per field on damaged or out-of-range values', () => {
    expect(loadCoachSettings(memoryStorage('{not json'))).toEqual(DEFAULT_COACH_SETTINGS);
    const loaded = loadCoachSettings(
      memoryStorage(JSON.stringify({ holdTargetS: 90, voice: { rate: 9 }, engine: 3 })),
    );
    expect(loaded.holdTargetS).toBe(DEFAULT_COACH_SETTINGS.holdTargetS);
    expect(loaded.voice.rate).toBe(1);
    expect(loaded.engine).toBe('auto');
  });

  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"mediapipe/lite"'],
    ['an array', '[1,2]'],
    ['a null voice', '{"voice":null}'],
  ])('gives the defaults for a stored %s instead of throwing', (_what, stored) => {
    expect(loadCoachSettings(memoryStorage(stored))).toEqual(DEFAULT_COACH_SETTINGS);
  });

  it('refuses engines and backends this build does not offer', () => {
    const loaded = parseCoachSettings({ engine: 'mediapipe/giant', backend: 'wasm' });
    expect(loaded.engine).toBe('auto');
    expect(loaded.backend).toBe('');
    // A backend of the other engine family is not kept either.
    expect(parseCoachSettings({ engine: 'mediapipe/lite', backend: 'wasm' }).backend).toBe('');
    expect(parseCoachSettings({ engine: 'tfjs/movenet-thunder', backend: 'webgl' })).toMatchObject({
      engine: 'tfjs/movenet-thunder',
      backend: 'webgl',
    });
  });

  it('checks each voice field by type', () => {
    const loaded = parseCoachSettings({ voice: { enabled: 'yes', voiceURI: 7, rate: '1.5' } });
    expect(loaded.voice).toEqual(DEFAULT_COACH_SETTINGS.voice);
    expect(parseCoachSettings({ holdTargetS: '25' }).holdTargetS).toBe(20);
  });
});
