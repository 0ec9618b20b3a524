/**
 * The start of a coaching run (camera, then the engine) and its
 * cancellation, in Node, with fakes at the boundary: a camera that opens
 * when told, and a pose loop whose loads resolve or fail when told and
 * which delivers poses on demand. What is proven here is the sequencing:
 * each result reaches the flow with its run, a cancelled run reports
 * nothing and loads nothing more, and Automatic goes on after a failed
 * load but stops after a slow one. The real worker and camera are proven
 * in Chromium (tests/browser/live-loading.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { CameraController } from '../../src/controllers/camera-controller.ts';
import { chooseEngine, isAbort } from '../../src/controllers/choose-engine.ts';
import { CoachStartTask } from '../../src/controllers/coach-start-task.ts';
import type { PoseLoopController } from '../../src/controllers/pose-loop-controller.ts';
import type { EngineSpec } from '../../src/pose/create-pose-engine.ts';
import type { PoseResult } from '../../src/pose/worker/pose-worker-client.ts';
import type { FlowEvent } from '../../src/session/coach-flow.ts';

/** A promise with its resolve and reject in hand. */
function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A pose loop whose every load waits for the test; aborting a load rejects it, as the real one does. */
class FakeLoop {
  onPose: (p: PoseResult) => void = () => {};
  loads: { spec: EngineSpec; done: ReturnType<typeof later<void>> }[] = [];
  load(spec: EngineSpec, signal?: AbortSignal): Promise<unknown> {
    const done = later<void>();
    this.loads.push({ spec, done });
    signal?.addEventListener('abort', () => done.reject(signal.reason), { once: true });
    return done.promise;
  }
  /** A pose as the worker would send it, `ms` of model time. */
  pose(ms: number) {
    this.onPose({
      type: 'pose',
      id: 0,
      tMs: 0,
      receivedMs: 0,
      frame: null,
      usable: false,
      orientation: 0,
      tried: 1,
      inferenceMs: ms,
    });
  }
}

class FakeCamera {
  opening = later<MediaStream | undefined>();
  start() {
    return this.opening.promise;
  }
}

function setup(engine = 'auto') {
  const camera = new FakeCamera();
  const loop = new FakeLoop();
  const events: FlowEvent[] = [];
  const counts = { cancelledLoads: 0 };
  const task = new CoachStartTask({
    camera: camera as unknown as CameraController,
    loop: loop as unknown as PoseLoopController,
    settings: () => ({ engine, backend: '' }),
    attach: async () => {},
    dispatch: (e) => events.push(e),
    counts,
  });
  return { camera, loop, events, counts, task };
}

describe('CoachStartTask', () => {
  it('camera open → camera-opened; engine loaded → progress, then engine-ready, each with its run', async () => {
    const { camera, loop, events, task } = setup('mediapipe/lite');
    const opened = task.openCamera(7);
    camera.opening.resolve({} as MediaStream);
    await opened;
    expect(events).toEqual([{ type: 'camera-opened', run: 7 }]);
    const loading = task.loadEngine(7);
    await flush();
    loop.loads[0]!.done.resolve();
    await loading;
    expect(events.slice(1)).toEqual([
      { type: 'progress', run: 7, text: 'Loading MediaPipe lite…' },
      { type: 'engine-ready', run: 7, note: 'Using MediaPipe lite (chosen in settings).' },
    ]);
  });

  it('the camera would not open → camera-failed', async () => {
    const { camera, events, task } = setup();
    const opened = task.openCamera(1);
    camera.opening.resolve(undefined);
    await opened;
    expect(events).toEqual([{ type: 'camera-failed', run: 1 }]);
  });

  it('cancelled while the camera opens: nothing is reported', async () => {
    const { camera, events, task } = setup();
    const opened = task.openCamera(1);
    task.cancel();
    camera.opening.resolve({} as MediaStream);
    await opened;
    expect(events).toEqual([]);
  });

  it('cancelled while the model loads: the load is aborted, nothing more is loaded or reported, and it is counted', async () => {
    const { camera, loop, events, counts, task } = setup();
    const opened = task.openCamera(2);
    camera.opening.resolve({} as MediaStream);
    await opened;
    const loading = task.loadEngine(2);
    await flush();
    expect(loop.loads.length).toBe(1);
    task.cancel();
    await loading;
    await flush();
    expect(loop.loads.length).toBe(1); // no next candidate, no fallback
    expect(events.map((e) => e.type)).toEqual(['camera-opened', 'progress']);
    expect(counts.cancelledLoads).toBe(1);
  });

  it('a failed load is reported with its message', async () => {
    const { loop, events, task } = setup('mediapipe/full');
    const loading = task.loadEngine(3);
    await flush();
    loop.loads[0]!.done.reject(new Error('models/pose_landmarker_full.task is missing'));
    await loading;
    expect(events.at(-1)).toEqual({
      type: 'engine-failed',
      run: 3,
      message: 'models/pose_landmarker_full.task is missing',
    });
  });
});

describe('chooseEngine (Automatic) cancelled while timing', () => {
  it('rejects with the abort at once, restores the pose handler and loads nothing more', async () => {
    const loop = new FakeLoop();
    const handler = () => {};
    loop.onPose = handler;
    const abort = new AbortController();
    const texts: string[] = [];
    const choice = chooseEngine(
      loop as unknown as PoseLoopController,
      { engine: 'auto', backend: '' },
      (t) => texts.push(t),
      abort.signal,
    );
    await flush();
    loop.loads[0]!.done.resolve();
    await flush();
    loop.pose(50); // timing has begun
    expect(texts.at(-1)).toBe('Timing MediaPipe lite on your camera (1 of 3)…');
    abort.abort(new DOMException('Stopped', 'AbortError'));
    const outcome = await choice.then(
      () => 'resolved',
      (e) => (isAbort(e) ? 'aborted' : String(e)),
    );
    expect(outcome).toBe('aborted');
    expect(loop.onPose).toBe(handler);
    expect(loop.loads.length).toBe(1);
  });

  it('goes on to the next model after one that would not load, and keeps the first that keeps up', async () => {
    const loop = new FakeLoop();
    const choice = chooseEngine(
      loop as unknown as PoseLoopController,
      { engine: 'auto', backend: '' },
      () => {},
    );
    await flush();
    loop.loads[0]!.done.reject(new Error('no wasm')); // lite fails
    await flush();
    loop.loads[1]!.done.resolve(); // full loads, 7 frames at 50 ms
    await flush();
    for (let i = 0; i < 7; i++) loop.pose(50);
    await flush();
    loop.loads[2]!.done.resolve(); // heavy loads, 7 frames at 200 ms: too slow
    await flush();
    for (let i = 0; i < 7; i++) loop.pose(200);
    await flush();
    loop.loads[3]!.done.resolve(); // full again, the one chosen
    const picked = await choice;
    expect(picked.spec).toEqual({ engine: 'mediapipe', model: 'full' });
    expect(picked.note).toBe(
      'Chose MediaPipe full: 50 ms a frame, within the 80 ms budget. MediaPipe lite would not load (no wasm); MediaPipe heavy is too slow here (200 ms a frame).',
    );
  });
});
