/**
 * CameraFrameSource's pacing: one frame at a time, frames arriving while
 * the consumer (or the source's own grab) is busy dropped and counted,
 * frames the gate does not want skipped uncounted, each stamped with its
 * capture time; an abort cancels the callback. In Node with a fake <video>
 * and createImageBitmap at the boundary; the real camera is in Chromium
 * (tests/browser/report-equality-live.test.ts, live-coach.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrameGate, SourceFrame } from '../../src/pose/frame-source.ts';
import { CameraFrameSource } from '../../src/pose/frame-source-camera.ts';

/** A <video> whose frames the test presents, with the metadata it chooses. */
class FakeVideo {
  readyState = 4;
  videoWidth = 640;
  videoHeight = 360;
  callback: VideoFrameRequestCallback | undefined;
  requestVideoFrameCallback(cb: VideoFrameRequestCallback): number {
    this.callback = cb;
    return 7;
  }
  cancelVideoFrameCallback(handle: number): void {
    if (handle === 7) this.callback = undefined;
  }
  present(metadata: Partial<VideoFrameCallbackMetadata> = {}) {
    this.callback?.(performance.now(), metadata as VideoFrameCallbackMetadata);
  }
}

/** A bitmap that notes its closing. */
const bitmap = () => ({
  closed: false,
  close() {
    this.closed = true;
  },
});

/** createImageBitmap that resolves when told (`grabs`), or at once. */
let grabs: { resolve: (b: ReturnType<typeof bitmap>) => void; reject: () => void }[] = [];
let holdGrabs = false;
const saved: Record<string, unknown> = {};
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  const g = globalThis as Record<string, unknown>;
  for (const k of [
    'createImageBitmap',
    'VideoFrame',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ])
    saved[k] = g[k];
  grabs = [];
  holdGrabs = false;
  g.VideoFrame = undefined;
  g.createImageBitmap = () =>
    holdGrabs
      ? new Promise((resolve, reject) => grabs.push({ resolve, reject }))
      : Promise.resolve(bitmap());
});
afterEach(() => {
  Object.assign(globalThis, saved);
});

function start(gate?: FrameGate) {
  const video = new FakeVideo();
  const source = new CameraFrameSource(video as unknown as HTMLVideoElement);
  const frames: SourceFrame[] = [];
  const finishes: (() => void)[] = [];
  const controller = new AbortController();
  const run = source.run(
    (frame) => {
      frames.push(frame);
      return new Promise<void>((resolve) => finishes.push(resolve));
    },
    controller.signal,
    gate,
  );
  return { video, frames, finishes, controller, run };
}

describe('CameraFrameSource', () => {
  it('drops pacing: frames while the consumer is busy are dropped and counted', async () => {
    const { video, frames, finishes, controller, run } = start();
    const captured = performance.now() - 120;
    video.present({ captureTime: captured, mediaTime: 1 });
    await flush();
    expect(frames.map((f) => f.tMs)).toEqual([captured]);
    expect(frames[0]!.grabbedMs).toBeGreaterThanOrEqual(captured + 120);
    // Still busy with the first: these two are dropped, not queued.
    video.present({ captureTime: performance.now() });
    video.present({ captureTime: performance.now() });
    await flush();
    expect(frames).toHaveLength(1);
    finishes[0]!();
    await flush();
    const next = performance.now();
    video.present({ captureTime: next });
    await flush();
    expect(frames.map((f) => f.tMs)).toEqual([captured, next]);
    controller.abort();
    expect(await run).toEqual({ taken: 2, dropped: 2, ended: 'aborted' });
  });

  it('counts a frame arriving while its own grab is out as dropped', async () => {
    holdGrabs = true;
    let drops = 0;
    const { video, frames, controller, run } = start({
      state: () => 'free',
      onDropped: () => drops++,
    });
    video.present();
    video.present();
    expect(grabs).toHaveLength(1);
    expect(drops).toBe(1);
    grabs[0]!.resolve(bitmap());
    await flush();
    expect(frames).toHaveLength(1);
    controller.abort();
    expect(await run).toMatchObject({ taken: 1, dropped: 1 });
  });

  it('asks the gate: busy drops (counted), off and an unwanted stamp skip (uncounted), without a grab', async () => {
    holdGrabs = true;
    let state: 'free' | 'busy' | 'off' = 'busy';
    let drops = 0;
    const stamps: number[] = [];
    const resumedMs = performance.now();
    const { video, controller, run } = start({
      state: () => state,
      take: (tMs) => {
        stamps.push(tMs);
        return tMs >= resumedMs; // as the pose loop: none captured before a pause ended
      },
      onDropped: () => drops++,
    });
    video.present({ captureTime: resumedMs + 1 });
    state = 'off';
    video.present({ captureTime: resumedMs + 2 });
    state = 'free';
    video.readyState = 1; // no picture yet: skipped before the gate is asked
    video.present({ captureTime: resumedMs + 3 });
    video.readyState = 4;
    expect(drops).toBe(1);
    expect(stamps).toEqual([]);
    video.present({ captureTime: resumedMs - 5 });
    expect(stamps).toEqual([resumedMs - 5]);
    expect(grabs).toHaveLength(0);
    const t = performance.now();
    video.present({ captureTime: t });
    expect(stamps).toEqual([resumedMs - 5, t]);
    expect(grabs).toHaveLength(1);
    controller.abort();
    expect(await run).toMatchObject({ taken: 0, dropped: 1 });
  });

  it('on abort cancels its callback and closes a grab still out', async () => {
    holdGrabs = true;
    const { video, frames, controller, run } = start();
    video.present();
    expect(video.callback).toBeDefined();
    controller.abort();
    expect(video.callback).toBeUndefined();
    const late = bitmap();
    grabs[0]!.resolve(late);
    await flush();
    expect(late.closed).toBe(true);
    expect(frames).toHaveLength(0);
    expect(await run).toEqual({ taken: 0, dropped: 0, ended: 'aborted' });
  });

  it('without requestVideoFrameCallback, grabs once per animation frame, stamped at the grab', async () => {
    let painted: (() => void) | undefined;
    let cancelled: number | undefined;
    Object.assign(globalThis, {
      requestAnimationFrame: (cb: () => void) => {
        painted = cb;
        return 3;
      },
      cancelAnimationFrame: (h: number) => {
        cancelled = h;
      },
    });
    const video = { readyState: 4, videoWidth: 320, videoHeight: 240 };
    const controller = new AbortController();
    const frames: SourceFrame[] = [];
    const run = new CameraFrameSource(video as unknown as HTMLVideoElement).run(async (f) => {
      frames.push(f);
    }, controller.signal);
    const before = performance.now();
    painted!();
    await flush();
    expect(frames).toHaveLength(1);
    expect(frames[0]!.tMs).toBeGreaterThanOrEqual(before);
    expect(frames[0]!.tMs).toBe(frames[0]!.grabbedMs);
    controller.abort();
    expect(cancelled).toBe(3);
    expect(await run).toMatchObject({ taken: 1, ended: 'aborted' });
  });

  it('rejects when onFrame rejects, and stops asking for frames', async () => {
    const video = new FakeVideo();
    const run = new CameraFrameSource(video as unknown as HTMLVideoElement).run(async () => {
      throw new Error('consumer broke');
    });
    video.present();
    await expect(run).rejects.toThrow('consumer broke');
    expect(video.callback).toBeUndefined();
  });
});
