/**
 * Speaks cues with `speechSynthesis`, one utterance at a time (SpeechQueue
 * decides the order; safety messages are never cut), and keeps captions of
 * everything said, shown on screen even with the voice off. A watchdog
 * moves on when a browser never reports the end of an utterance (some
 * report nothing when no voice is installed). Lifetime: the host's;
 * leaving the page cancels speech.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type SpeechItem, SpeechQueue } from './speech-queue.ts';

export interface Caption {
  text: string;
  safety: boolean;
  /** performance.now() when it was said, ms. */
  atMs: number;
}

export interface VoiceSettings {
  /** Speak at all; captions appear either way. Default true. */
  enabled: boolean;
  /** `SpeechSynthesisVoice.voiceURI`; empty = the browser's default. */
  voiceURI: string;
  /** 0.5–2, 1 = normal. Default 1. */
  rate: number;
}

export const DEFAULT_VOICE: VoiceSettings = { enabled: true, voiceURI: '', rate: 1 };

/** Captions kept on screen (a ring: oldest dropped). */
export const CAPTION_LIMIT = 6;
/** Longest an utterance may take before the watchdog moves on: per character and fixed parts, ms. */
const WATCHDOG_MS_PER_CHAR = 120;
const WATCHDOG_BASE_MS = 2000;

export class SpeechController implements ReactiveController {
  settings: VoiceSettings = { ...DEFAULT_VOICE };
  readonly captions: Caption[] = [];
  private readonly queue = new SpeechQueue();
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private utterance: SpeechSynthesisUtterance | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get synth(): SpeechSynthesis | undefined {
    return typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  }

  voices(): SpeechSynthesisVoice[] {
    return this.synth?.getVoices() ?? [];
  }

  /** Says a message (and captions it). */
  say(text: string, safety = false): void {
    this.captions.push({ text, safety, atMs: performance.now() });
    if (this.captions.length > CAPTION_LIMIT) this.captions.shift();
    this.host.requestUpdate();
    if (!this.settings.enabled || !this.synth) return;
    const action = this.queue.push({ text, safety });
    if (action.kind === 'cut-and-speak') {
      this.stopUtterance();
      this.synth.cancel();
      this.speak(action.item);
    } else if (action.kind === 'speak') {
      this.speak(action.item);
    }
  }

  private speak(item: SpeechItem) {
    const synth = this.synth;
    if (!synth) return;
    const u = new SpeechSynthesisUtterance(item.text);
    u.rate = this.settings.rate;
    const voice = this.voices().find((v) => v.voiceURI === this.settings.voiceURI);
    if (voice) u.voice = voice;
    const finished = () => {
      if (this.utterance !== u) return;
      this.stopUtterance();
      const next = this.queue.done();
      if (next) this.speak(next);
    };
    u.onend = finished;
    u.onerror = finished;
    this.utterance = u;
    this.watchdog = setTimeout(
      finished,
      WATCHDOG_BASE_MS + (item.text.length * WATCHDOG_MS_PER_CHAR) / this.settings.rate,
    );
    synth.speak(u);
  }

  private stopUtterance() {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.utterance = undefined;
  }

  /** Stops ordinary speech now (pause, voice off); a safety message being said finishes. */
  hush(): void {
    this.queue.clearOrdinary();
    if (this.queue.current && !this.queue.current.safety) {
      this.stopUtterance();
      this.synth?.cancel();
      const next = this.queue.done(); // only safety messages are left waiting
      if (next) this.speak(next);
    }
  }

  hostDisconnected(): void {
    this.stopUtterance();
    this.synth?.cancel();
  }
}
