import { describe, expect, it } from 'vitest';
import {
  engineBroken,
  FAILURES_BEFORE_SWITCH,
  FIRST_FRAME_STALL_MS,
  failuresAfter,
  STALL,
  stallLimitMs,
} from '../../src/pose/worker/worker-fault-rules.ts';

describe('worker fault rules', () => {
  it('waits long for the first frame, then a multiple of the model time within bounds', () => {
    expect(stallLimitMs(undefined)).toBe(FIRST_FRAME_STALL_MS);
    expect(stallLimitMs(Number.NaN)).toBe(FIRST_FRAME_STALL_MS);
    expect(stallLimitMs(40)).toBe(STALL.minMs);
    expect(stallLimitMs(500)).toBe(4000);
    expect(stallLimitMs(5000)).toBe(STALL.maxMs);
  });

  it('counts failures in a row, reset by any good frame, and switches only after a run of them', () => {
    let n = 0;
    for (let i = 0; i < FAILURES_BEFORE_SWITCH - 1; i++) n = failuresAfter(n, true);
    expect(engineBroken(n)).toBe(false);
    expect(engineBroken(failuresAfter(failuresAfter(n, false), true))).toBe(false);
    expect(engineBroken(failuresAfter(n, true))).toBe(true);
  });
});
