/**
 * The short soak (the 30-minute one is `npm run soak`): the real live coach
 * on a rendered clip played by the fake camera at 30 fps for ~75 s, a
 * GC'd sample every 7.5 s (tests/tools/soak/soak-run.ts). Growth is judged
 * by the Theil–Sen slope of the samples taken after a warm-up, per thousand
 * poses analysed, so a busy machine (fewer poses) neither trips nor hides
 * it and one odd sample does not decide it (bounds below). Also: the
 * pipeline really ran (poses came back, latency measured, the worker's
 * heap read), the coach stayed live, nothing left the origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import { retimedClip } from '../tools/bench/y4m-retime.ts';
import { cameraClip } from '../tools/make-camera-clip.ts';
import { robustSlope, runSoak, type SoakResult, soakTable } from '../tools/soak/soak-run.ts';

const CLIP = 'child-hips-not-back-side-female';
/** Samples before this (engine warm, first trace entries, JIT) are left out of the slopes, s. */
const WARMUP_S = 20;
/**
 * Growth bounds per 1,000 poses after warm-up, MB. The page's heap grows by
 * design while the session's trace (600 steps) and latency window fill,
 * ~2 kB a pose in the 30-minute soak's first minutes, so its bound is loose:
 * 8 kB a pose (two pose results with world points kept per frame, or any
 * pixel copy kept, fails it). The worker keeps nothing per frame: 2 kB.
 */
const MAX_PAGE_MB_PER_1000_POSES = 8;
const MAX_WORKER_MB_PER_1000_POSES = 2;
/** DOM nodes per 1,000 poses: a node left behind per pose would be 1,000. */
const MAX_NODES_PER_1000_POSES = 50;

let server: RunningServer;
let result: SoakResult;

beforeAll(async () => {
  server = await startDevServer();
  const clip = retimedClip(await cameraClip(CLIP), 30);
  result = await runSoak({
    serverUrl: server.url,
    clip,
    engine: 'mediapipe/lite',
    durationMs: 75_000,
    sampleEveryMs: 7_500,
  });
  console.log(`short soak:\n${soakTable(result.samples)}`);
}, 600_000);

afterAll(async () => {
  await server?.close();
});

describe('short soak: the live coach on a 30 fps camera', () => {
  const warm = () => result.samples.filter((s) => s.tS >= WARMUP_S);

  it('ran the real pipeline the whole time', () => {
    expect(result.samples.length).toBeGreaterThanOrEqual(10);
    expect(result.samples.every((s) => s.live)).toBe(true);
    expect(result.pageErrors).toEqual([]);
    const poses = result.samples.at(-1)!.poses;
    expect(poses).toBeGreaterThanOrEqual(30);
    // Poses after warm-up, to judge the slopes on.
    expect(poses - warm()[0]!.poses).toBeGreaterThanOrEqual(20);
    expect(warm().every((s) => s.workerHeapMB !== undefined)).toBe(true);
    expect(result.samples.some((s) => (s.interval.latencyP95 ?? 0) > 0)).toBe(true);
  });

  it('keeps page and worker heap flat per pose (GC’d samples, Theil–Sen slope)', () => {
    const s = warm();
    const kPoses = s.map((x) => x.poses / 1000);
    const page = robustSlope(
      kPoses,
      s.map((x) => x.pageHeapMB),
    );
    const worker = robustSlope(
      kPoses,
      s.map((x) => x.workerHeapMB!),
    );
    console.log(
      `heap slope per 1,000 poses: page ${page.toFixed(3)} MB, worker ${worker.toFixed(3)} MB`,
    );
    expect(page).toBeLessThan(MAX_PAGE_MB_PER_1000_POSES);
    expect(worker).toBeLessThan(MAX_WORKER_MB_PER_1000_POSES);
  });

  it('keeps the DOM from growing', () => {
    const s = warm();
    const nodes = robustSlope(
      s.map((x) => x.poses / 1000),
      s.map((x) => x.domNodes),
    );
    expect(nodes).toBeLessThan(MAX_NODES_PER_1000_POSES);
  });

  it('sent no request outside the origin', () => {
    expect(result.offOrigin).toEqual([]);
  });
});
