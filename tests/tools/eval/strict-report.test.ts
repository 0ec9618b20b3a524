import { describe, expect, it } from 'vitest';
import type { StrictClip } from './strict-clip.ts';
import { formatStrictTable, strictRow, strictRows } from './strict-report.ts';

function clip(over: Partial<StrictClip>): StrictClip {
  return {
    scene: 's',
    engine: 'mediapipe/lite',
    exercise: 'seated-twist',
    view: 'front',
    frames: 100,
    usableFrames: 100,
    onBodyFrames: 90,
    cues: 0,
    rightCues: 0,
    faults: 0,
    caughtFaults: 0,
    delays: [],
    praise: 0,
    falsePraise: 0,
    trueHolds: 0,
    holdErrors: [],
    holdsMatched: 0,
    holdsMissed: 0,
    holdsExtra: 0,
    rotationErrors: [],
    zeroedRotationErrors: [],
    hipErrors: [],
    hipKnownFrames: 0,
    recognizedAfterS: 1,
    wrongFrames: 0,
    inPoseFrames: 0,
    notJudgedFrames: 0,
    ...over,
  };
}

describe('strict rows', () => {
  const clips = [
    clip({
      cues: 1,
      rightCues: 1,
      faults: 2,
      caughtFaults: 1,
      delays: [0.5],
      trueHolds: 1,
      holdErrors: [0.2],
      holdsMatched: 1,
      rotationErrors: [2, 4],
    }),
    clip({
      cues: 9,
      rightCues: 1,
      faults: 2,
      caughtFaults: 2,
      delays: [1, 1.2],
      falsePraise: 1,
      trueHolds: 2,
      holdErrors: [10, 0.4],
      holdsMatched: 1,
      holdsMissed: 1,
      holdsExtra: 3,
      rotationErrors: [12],
      view: 'oblique',
    }),
    clip({ exercise: 'none', view: 'side', wrongFrames: 20, recognizedAfterS: Number.NaN }),
    clip({ exercise: 'none', view: 'side', recognizedAfterS: Number.NaN }),
  ];

  it('pools cues, faults and holds over clips', () => {
    const twist = strictRow('mediapipe/lite', 'seated-twist', 'all', clips.slice(0, 2));
    expect(twist.cuePrecision.value).toBeCloseTo(2 / 10);
    expect(twist.cueRecall.value).toBeCloseTo(3 / 4);
    expect(twist.cueDelayMedian).toBe(1);
    expect(twist.falsePraise).toBe(1);
    expect([twist.holdsFound, twist.trueHolds, twist.holdsExtra]).toEqual([2, 3, 3]);
    expect(twist.holdError.value).toBe(0.4);
    expect(twist.rotationMae.value).toBeCloseTo(6);
    expect(twist.cuePrecision.ci[0]).toBeLessThanOrEqual(0.2);
    expect(twist.cuePrecision.ci[1]).toBeGreaterThanOrEqual(0.2);
  });

  it('pools the not-judged share over in-pose frames and reports the zeroed rotation apart', () => {
    const row = strictRow('mediapipe/lite', 'seated-twist', 'all', [
      clip({
        inPoseFrames: 10,
        notJudgedFrames: 9,
        rotationErrors: [10],
        zeroedRotationErrors: [2],
      }),
      clip({
        inPoseFrames: 90,
        notJudgedFrames: 1,
        rotationErrors: [20],
        zeroedRotationErrors: [4],
      }),
    ]);
    // 10 of 100 frames, not the mean of 0.9 and 0.011.
    expect(row.notJudged.value).toBeCloseTo(0.1);
    expect(row.rotationMae.value).toBeCloseTo(15);
    expect(row.rotationMaeZeroed.value).toBeCloseTo(3);
    expect(row.rotationP95Zeroed).toBe(4);
  });

  it('says how often a negative was named as a stretch', () => {
    const neg = strictRow('mediapipe/lite', 'none', 'all', clips.slice(2));
    expect(neg.negativesNamed).toBe(0.5);
    expect(neg.wrongShare.value).toBeCloseTo(0.1);
    expect(neg.cuePrecision.value).toBeNaN();
  });

  it('has a row per engine, per stretch and per view, and prints them', () => {
    const rows = strictRows([...clips, clip({ engine: 'tfjs/blazepose-lite' })]);
    expect(rows.map((r) => `${r.engine} ${r.exercise} ${r.view}`)).toEqual([
      'mediapipe/lite all all',
      'mediapipe/lite none all',
      'mediapipe/lite seated-twist all',
      'mediapipe/lite seated-twist front',
      'mediapipe/lite seated-twist oblique',
      'tfjs/blazepose-lite all all',
      'tfjs/blazepose-lite seated-twist all',
    ]);
    const table = formatStrictTable(rows);
    expect(table.split('\n')).toHaveLength(8);
    expect(table).toMatch(/mediapipe\/lite\s+seated-twist\s+all\s+2\s+1\.00 \[1\.00–1\.00\]/);
  });
});
