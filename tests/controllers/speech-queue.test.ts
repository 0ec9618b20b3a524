import { describe, expect, it } from 'vitest';
import { SpeechQueue } from '../../src/controllers/speech-queue.ts';

const cue = (text: string) => ({ text, safety: false });
const safety = (text: string) => ({ text, safety: true });

describe('SpeechQueue: one utterance at a time, safety never cut', () => {
  it('speaks at once when quiet, then waits', () => {
    const q = new SpeechQueue();
    expect(q.push(cue('a'))).toEqual({ kind: 'speak', item: cue('a') });
    expect(q.push(cue('b'))).toEqual({ kind: 'wait' });
    expect(q.done()).toEqual(cue('b'));
    expect(q.done()).toBeUndefined();
  });

  it('keeps only the newest waiting ordinary cue (a stale correction is dropped)', () => {
    const q = new SpeechQueue();
    q.push(cue('a'));
    q.push(cue('b'));
    q.push(cue('c'));
    expect(q.done()).toEqual(cue('c'));
    expect(q.done()).toBeUndefined();
  });

  it('a safety message cuts an ordinary cue being said', () => {
    const q = new SpeechQueue();
    q.push(cue('a'));
    expect(q.push(safety('stop'))).toEqual({ kind: 'cut-and-speak', item: safety('stop') });
    expect(q.current).toEqual(safety('stop'));
  });

  it('nothing cuts a safety message; ordinary cues never displace waiting safety ones', () => {
    const q = new SpeechQueue();
    q.push(safety('s1'));
    expect(q.push(safety('s2'))).toEqual({ kind: 'wait' });
    expect(q.push(cue('a'))).toEqual({ kind: 'wait' });
    expect(q.push(cue('b'))).toEqual({ kind: 'wait' });
    expect(q.done()).toEqual(safety('s2'));
    expect(q.done()).toEqual(cue('b'));
  });

  it('clearOrdinary drops waiting ordinary cues but keeps safety ones', () => {
    const q = new SpeechQueue();
    q.push(safety('s0'));
    q.push(safety('s1'));
    q.push(cue('b'));
    q.clearOrdinary();
    expect(q.done()).toEqual(safety('s1'));
    expect(q.done()).toBeUndefined();
  });
});
