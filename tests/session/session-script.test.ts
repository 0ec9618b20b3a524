/**
 * The session script on a committed twist recording (real MediaPipe lite
 * output; the twist toward the right knee, held 3.2–9.8 s) followed by two
 * seconds with nobody seen: the countdown, the
 * target and the switch to the other side come once each, in that order,
 * the switch only after the hold ended; without a side to coach, nothing
 * switches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStream, streamPoses } from '../../src/pose/landmark-stream.ts';
import { type ScriptLine, SessionScript } from '../../src/session/session-script.ts';
import { STREAMS_DIR } from '../tools/scenes/load-scenes.ts';

function poses() {
  const file = join(STREAMS_DIR, 'twist-good-right-front-male', 'mediapipe-lite.json');
  const clip = streamPoses(parseStream(readFileSync(file, 'utf8'), file));
  const from = clip.at(-1)!.tMs + 100;
  return [...clip, ...Array.from({ length: 20 }, (_, i) => ({ tMs: from + i * 100, frame: null }))];
}

function play(script: SessionScript) {
  const lines: (ScriptLine & { tMs: number; holding: boolean })[] = [];
  for (const { tMs, frame } of poses()) {
    const step = script.step(frame, tMs);
    for (const line of step?.lines ?? []) lines.push({ ...line, tMs, holding: !!step?.activeHold });
  }
  return lines;
}

describe('SessionScript', () => {
  it('counts down, says the target, then moves the twist to the other side once the hold ended', () => {
    // The target fits inside the true hold (6.6 s): holds are timed as a stopwatch would, from
    // when the turn has come to rest, no longer from the first turned frame of the setup.
    const script = new SessionScript({
      exercise: 'seated-twist',
      twistSide: 'right',
      holdTargetS: 6,
      holdWord: () => 'hold',
    });
    const lines = play(script);
    expect(lines.map((l) => l.kind)).toEqual(['countdown', 'target', 'switch']);
    expect(lines[0]).toMatchObject({ text: '5', holding: true });
    expect(lines[1]!.text).toBe(
      '6 seconds. Well done. Now the other side: twist toward your left knee.',
    );
    expect(lines[2]).toMatchObject({ side: 'left', holding: false });
    expect(script.twistSide).toBe('left');
    const holds = script.end();
    expect(holds).toHaveLength(1);
    expect(holds[0]!.side).toBe('right');
    expect(lines[2]!.tMs).toBeGreaterThan(holds[0]!.endMs);
  });

  it('without a side to coach (either way counts), says the target but never switches', () => {
    const script = new SessionScript({
      exercise: 'seated-twist',
      twistSide: undefined,
      holdTargetS: 6,
      holdWord: () => 'hold',
    });
    const lines = play(script);
    expect(lines.map((l) => l.kind)).toEqual(['countdown', 'target']);
    expect(lines[1]!.text).toBe('6 seconds. Well done. Rest, then go again.');
    expect(script.twistSide).toBeUndefined();
  });
});
