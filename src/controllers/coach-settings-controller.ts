/**
 * The live coach's settings for this device (coach-settings.ts): read once,
 * and each change applied at once (the voice to speech, silenced when
 * turned off), saved, and rendered.
 */
import type { ReactiveControllerHost } from 'lit';
import { type CoachSettings, loadCoachSettings, saveCoachSettings } from './coach-settings.ts';
import type { SpeechController } from './speech-controller.ts';

export class CoachSettingsController {
  value: CoachSettings;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly speech: Pick<SpeechController, 'settings' | 'hush'>,
    private readonly storage: Storage | undefined = globalThis.localStorage,
  ) {
    this.value = loadCoachSettings(storage);
    speech.settings = this.value.voice;
  }

  update(next: CoachSettings): void {
    this.value = next;
    this.speech.settings = next.voice;
    if (!next.voice.enabled) this.speech.hush();
    saveCoachSettings(next, this.storage);
    this.host.requestUpdate();
  }

  /** V: the voice on or off (captions stay either way). */
  toggleVoice(): void {
    const voice = this.value.voice;
    this.update({ ...this.value, voice: { ...voice, enabled: !voice.enabled } });
  }
}
