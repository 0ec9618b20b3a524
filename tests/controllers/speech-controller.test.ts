/**
 * SpeechController against a stand-in for the browser's speechSynthesis
 * (Node has none): one utterance at a time, a safety message cuts an
 * ordinary cue but is never cut itself, captions for everything (also with
 * the voice off), the watchdog moves on when the browser never says "end".
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpeechController } from '../../src/controllers/speech-controller.ts';

class FakeUtterance {
  rate = 1;
  voice: unknown = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

class FakeSynth {
  spoken: string[] = [];
  cancelled = 0;
  current: FakeUtterance | undefined;
  speak(u: FakeUtterance) {
    this.spoken.push(u.text);
    this.current = u;
  }
  cancel() {
    this.cancelled++;
    const u = this.current;
    this.current = undefined;
    u?.onerror?.();
  }
  getVoices() {
    return [];
  }
  /** The browser finishes the utterance it is saying. */
  finish() {
    const u = this.current;
    this.current = undefined;
    u?.onend?.();
  }
}

let synth: FakeSynth;
const host = { addController: () => {}, requestUpdate: () => {} } as never;

beforeEach(() => {
  synth = new FakeSynth();
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('SpeechController', () => {
  it('says one thing at a time; the newest waiting cue goes next', () => {
    const s = new SpeechController(host);
    s.say('one');
    s.say('two');
    s.say('three');
    expect(synth.spoken).toEqual(['one']);
    synth.finish();
    expect(synth.spoken).toEqual(['one', 'three']);
    expect(s.captions.map((c) => c.text)).toEqual(['one', 'two', 'three']);
  });

  it('a safety message cuts an ordinary cue; nothing cuts the safety message', () => {
    const s = new SpeechController(host);
    s.say('sit tall');
    s.say('Stop now', true);
    expect(synth.cancelled).toBe(1);
    expect(synth.spoken).toEqual(['sit tall', 'Stop now']);
    s.say('turn further');
    s.hush();
    expect(synth.cancelled).toBe(1); // the safety message goes on
    synth.finish();
    expect(synth.spoken).toEqual(['sit tall', 'Stop now']); // the hushed cue was dropped
  });

  it('with the voice off, captions only', () => {
    const s = new SpeechController(host);
    s.settings = { ...s.settings, enabled: false };
    s.say('hello');
    expect(synth.spoken).toEqual([]);
    expect(s.captions.map((c) => c.text)).toEqual(['hello']);
  });

  it('moves on when the browser never reports the end of an utterance', () => {
    const s = new SpeechController(host);
    s.say('first');
    s.say('second');
    vi.advanceTimersByTime(10_000);
    expect(synth.spoken).toEqual(['first', 'second']);
  });
});
