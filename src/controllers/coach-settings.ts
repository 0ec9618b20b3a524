/**
 * The live coach's settings, kept in this browser's localStorage (never
 * sent anywhere). Read once when the coach opens; a stored value that is
 * missing or out of range falls back to its default.
 */
import { BACKEND_CHOICES, ENGINE_CHOICES, engineName } from '../pose/engine-options.ts';
import type { VoiceSettings } from './speech-controller.ts';
import { DEFAULT_VOICE } from './speech-controller.ts';

export interface CoachSettings {
  voice: VoiceSettings;
  /** Hold target, seconds, 15–30 (EXERCISES.md: hold 15–30 s). Default 20. */
  holdTargetS: number;
  /** `auto` (time a few frames, pick the most accurate that keeps up) or an engine name such as `mediapipe/lite`. */
  engine: string;
  /** Delegate/backend for the chosen engine: `auto`/`GPU`/`CPU` (MediaPipe), `wasm`/`webgl`/`cpu` (tfjs). Empty = the engine's default. */
  backend: string;
  /** Show the camera as a mirror (landmarks stay in true image coordinates). Default true. */
  mirror: boolean;
}

export const HOLD_TARGET_RANGE_S = [15, 30] as const;

export const DEFAULT_COACH_SETTINGS: CoachSettings = {
  voice: DEFAULT_VOICE,
  holdTargetS: 20,
  engine: 'auto',
  backend: '',
  mirror: true,
};

const KEY = 'spinewise.coach-settings';

export function loadCoachSettings(
  storage: Storage | undefined = globalThis.localStorage,
): CoachSettings {
  return parseCoachSettings(readStored(storage));
}

function readStored(storage: Storage | undefined): unknown {
  try {
    return JSON.parse(storage?.getItem(KEY) ?? '{}');
  } catch {
    return {}; // a damaged entry (or storage refused): start from the defaults
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Settings from whatever was stored: anything that is not an object (`null`,
 * a number, an array), a field of the wrong type or out of range, an engine
 * or backend this build does not offer, each falls back to its default, so a
 * damaged entry can never blank a view.
 */
export function parseCoachSettings(stored: unknown): CoachSettings {
  const d = DEFAULT_COACH_SETTINGS;
  const s = isRecord(stored) ? stored : {};
  const v = isRecord(s.voice) ? s.voice : {};
  const rate = v.rate;
  const voice: VoiceSettings = {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : d.voice.enabled,
    voiceURI: typeof v.voiceURI === 'string' ? v.voiceURI : d.voice.voiceURI,
    rate: typeof rate === 'number' && rate >= 0.5 && rate <= 2 ? rate : d.voice.rate,
  };
  const hold = s.holdTargetS;
  const engine = typeof s.engine === 'string' && isEngineSetting(s.engine) ? s.engine : d.engine;
  const backend =
    typeof s.backend === 'string' && isBackendFor(engine, s.backend) ? s.backend : d.backend;
  return {
    voice,
    holdTargetS:
      typeof hold === 'number' && hold >= HOLD_TARGET_RANGE_S[0] && hold <= HOLD_TARGET_RANGE_S[1]
        ? hold
        : d.holdTargetS,
    engine,
    backend,
    mirror: typeof s.mirror === 'boolean' ? s.mirror : d.mirror,
  };
}

function isEngineSetting(name: string): boolean {
  return name === 'auto' || ENGINE_CHOICES.some((c) => engineName(c.spec) === name);
}

/** An empty backend means the engine's default; otherwise it must be one the engine offers. */
function isBackendFor(engine: string, backend: string): boolean {
  if (backend === '') return true;
  const family = engine.split('/')[0];
  const offered = family === 'mediapipe' || family === 'tfjs' ? BACKEND_CHOICES[family] : undefined;
  return offered?.some((b) => b.value === backend) ?? false;
}

export function saveCoachSettings(
  settings: CoachSettings,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: the settings last for this visit only.
  }
}
