/**
 * The live coach's settings, kept in this browser's localStorage (never
 * sent anywhere). Read once when the coach opens; a stored value that is
 * missing or out of range falls back to its default.
 */
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
  let stored: Partial<CoachSettings> = {};
  try {
    stored = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<CoachSettings>;
  } catch {
    // A damaged entry: start from the defaults.
  }
  const d = DEFAULT_COACH_SETTINGS;
  const voice = { ...d.voice, ...(stored.voice ?? {}) };
  if (!(voice.rate >= 0.5 && voice.rate <= 2)) voice.rate = d.voice.rate;
  const hold = Number(stored.holdTargetS);
  return {
    voice,
    holdTargetS:
      hold >= HOLD_TARGET_RANGE_S[0] && hold <= HOLD_TARGET_RANGE_S[1] ? hold : d.holdTargetS,
    engine: typeof stored.engine === 'string' ? stored.engine : d.engine,
    backend: typeof stored.backend === 'string' ? stored.backend : d.backend,
    mirror: typeof stored.mirror === 'boolean' ? stored.mirror : d.mirror,
  };
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
