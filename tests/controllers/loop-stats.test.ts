import { describe, expect, it } from 'vitest';
import { LoopStats, STATS_WINDOW } from '../../src/controllers/loop-stats.ts';
import type { PoseResult } from '../../src/pose/worker/pose-worker-client.ts';

const pose = (tMs: number, receivedMs: number, inferenceMs: number): PoseResult => ({
  type: 'pose',
  id: 0,
  tMs,
  receivedMs,
  inferenceMs,
  frame: null,
  usable: false,
  orientation: 0,
  tried: 1,
});

describe('LoopStats', () => {
  it('frames per second, median model time and latency over the window', () => {
    const s = new LoopStats();
    expect(s.fps).toBeUndefined();
    // 11 results 100 ms apart → 10 fps; each 60 ms model time, grabbed 70 ms before it arrived.
    for (let i = 0; i <= 10; i++) s.add(pose(i * 100, i * 100 + 70, 60));
    expect(s.fps).toBeCloseTo(10, 6);
    expect(s.inferenceMs).toBe(60);
    expect(s.latencyMs).toBe(70);
  });

  it('keeps only the last STATS_WINDOW results', () => {
    const s = new LoopStats();
    for (let i = 0; i < STATS_WINDOW; i++) s.add(pose(i, i, 1000));
    for (let i = 0; i < STATS_WINDOW; i++) s.add(pose(100 + i, 100 + i, 10));
    expect(s.inferenceMs).toBe(10);
  });
});
