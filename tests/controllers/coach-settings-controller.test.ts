/**
 * CoachSettingsController: the stored settings are read at start and
 * handed to speech; a change is applied, saved and rendered; V turns the
 * voice off (hushing what is queued) and on again.
 */
import { describe, expect, it } from 'vitest';
import { CoachSettingsController } from '../../src/controllers/coach-settings-controller.ts';
import { DEFAULT_VOICE, type VoiceSettings } from '../../src/controllers/speech-controller.ts';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('CoachSettingsController', () => {
  it('applies, saves and renders each change; V toggles the voice', () => {
    const storage = memoryStorage();
    let updates = 0;
    const host = {
      addController() {},
      removeController() {},
      requestUpdate: () => updates++,
      updateComplete: Promise.resolve(true),
    };
    let hushed = 0;
    const speech = { settings: { ...DEFAULT_VOICE } as VoiceSettings, hush: () => hushed++ };
    const s = new CoachSettingsController(host, speech, storage);
    expect(speech.settings).toEqual(s.value.voice);
    s.update({ ...s.value, holdTargetS: 25 });
    expect(updates).toBe(1);
    expect(new CoachSettingsController(host, speech, storage).value.holdTargetS).toBe(25);
    s.toggleVoice();
    expect(speech.settings.enabled).toBe(false);
    expect(hushed).toBe(1);
    s.toggleVoice();
    expect(speech.settings.enabled).toBe(true);
    expect(hushed).toBe(1);
    expect(new CoachSettingsController(host, speech, storage).value.voice.enabled).toBe(true);
  });
});
