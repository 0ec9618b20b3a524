/**
 * The bench page (`npm run bench`, tests/tools/bench/bench.ts drives it):
 * one engine at a time, two loops on the same frames.
 *
 * - BARE: bare-worker.ts calls the engine's `detect` on each frame, nothing else.
 * - PIPELINE: the app's own path: PoseWorkerClient → pose-worker.ts
 *   (FloorTracker, network seal) → back on the page CoachPipeline.step
 *   (smoothing, features, checker, feedback policy, screen verdict) →
 *   segmentStatuses + drawOnCanvas (the live coach's overlay). On the
 *   camera it is the app's PoseLoopController itself (its frame grab, its
 *   dropping), attached to a <video> playing the fake camera.
 *
 * Decoded frames: the clip's y4m decoded here to RGBA, each handed over as
 * a fresh ImageBitmap, one after another (closed loop: the next frame is
 * sent when the previous one is fully handled). Camera frames: real time,
 * a frame dropped while the worker is busy.
 */
import { DEFAULT_CAMERA_CONSTRAINTS } from '../../../src/controllers/camera-controller.ts';
import { PoseLoopController } from '../../../src/controllers/pose-loop-controller.ts';
import { cameraGrabOptions } from '../../../src/pose/camera-grab-options.ts';
import type { EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import { type PoseResult, PoseWorkerClient } from '../../../src/pose/worker/pose-worker-client.ts';
import { CoachPipeline } from '../../../src/session/coach-pipeline.ts';
import { drawOnCanvas } from '../../../src/ui/live-session/draw-overlay.ts';
import { segmentStatuses } from '../../../src/ui/live-session/segment-status.ts';
import { BareClient } from './bare-client.ts';
import type { FromBare } from './bare-worker.ts';
import { type FrameKind, type FrameKindsRun, frameKinds } from './frame-kinds.ts';
import { decodeY4m } from './y4m-frames.ts';

/** How a camera frame is taken off the <video> for the bare loop. */
export type Grab =
  /** createImageBitmap(video) with the app's options (camera-grab-options.ts); the model reads the bitmap. */
  | 'bitmap'
  /** The same bitmap, drawn into a CPU canvas in the worker and read back as ImageData. */
  | 'bitmap-readback'
  /** new VideoFrame(video) transferred; the worker makes an ImageBitmap of it. */
  | 'videoframe'
  /** new VideoFrame(video) transferred; the worker copies it out as RGBA. */
  | 'videoframe-copy'
  /** drawImage(video) into a page canvas (willReadFrequently), getImageData, bytes transferred. */
  | 'canvas'
  /** Not the camera at all: the decoded frames, while the camera plays (the camera's own CPU cost). */
  | 'decoded';

export interface LoopRun {
  loop: 'bare' | 'pipeline';
  source: 'decoded' | 'camera';
  grab: Grab | 'app';
  backend: string;
  fallback?: string;
  loadMs: number;
  /** Frames analysed, and found a person on. */
  frames: number;
  found: number;
  /** Camera frames skipped while the worker was busy. */
  dropped: number;
  wallS: number;
  /** Model time per frame in the worker (tracker + engine for the pipeline; engine for bare), ms. */
  modelMs: number[];
  /** Bare camera only: taking the frame off the <video> on the page (createImageBitmap, VideoFrame, canvas readback), ms. */
  grabMs: number[];
  /** Pipeline only: orientations the FloorTracker ran the model on, per frame (1 upright; up to 3 searching). */
  tried: number[];
  /** Bare only: turning the frame into what the model reads, in the worker, ms. */
  prepMs: number[];
  /** Decoded: frame sent → fully handled; camera: between consecutive handled frames, ms. */
  perFrameMs: number[];
  /** Frame grabbed → fully handled on the page (pose drawn for the pipeline), ms. */
  latencyMs: number[];
  /** Pipeline only: smoothing, features, checker, feedback and drawing on the main thread, ms. */
  restMs: number[];
  /** Pipeline only: frame grabbed → cue on the canvas/screen state, for frames that raised a cue, ms. */
  cueLatencyMs: number[];
  longTasks: number;
  longTaskMs: number;
  frameSize: string;
}

/**
 * Both loops on the SAME frames, frame by frame: each frame (decoded, or
 * grabbed off the camera as the app grabs it) is copied, one copy goes
 * through the bare loop and the other through the pipeline, the order
 * alternating, so a change in the machine's load hits both alike and each
 * frame gives its own ratio.
 */
export interface PairedRun {
  source: 'decoded' | 'camera';
  frames: number;
  bareMs: number[];
  pipelineMs: number[];
  bareModelMs: number[];
  pipelineModelMs: number[];
  tried: number[];
  restMs: number[];
  longTasks: number;
}

declare global {
  interface Window {
    bench: {
      ready: boolean;
      loadDecoded(
        url: string,
        count: number,
        step: number,
      ): Promise<{ frames: number; size: string }>;
      /** Stops the camera (tracks ended, <video> removed). */
      closeCamera(): void;
      openCamera(): Promise<{ size: string; fps: number | undefined }>;
      decoded(spec: EngineSpec, loop: 'bare' | 'pipeline', n: number): Promise<LoopRun>;
      paired(spec: EngineSpec, source: 'decoded' | 'camera', n: number): Promise<PairedRun>;
      camera(
        spec: EngineSpec,
        loop: 'bare' | 'pipeline',
        grab: Grab | 'app',
        seconds: number,
      ): Promise<LoopRun>;
      /** Camera frames taken several ways against decoded frames, frame by frame (frame-kinds.ts). */
      frameKinds(spec: EngineSpec, n: number, only?: FrameKind[]): Promise<FrameKindsRun>;
    };
  }
}

let decodedFrames: ImageBitmap[] = [];
/** Clip time between decoded frames, ms (the clip is 10 fps; `step` skips frames). */
let frameStepMs = 100;
/** The camera loop's bare worker, kept from run to run of the same engine (grab variants). */
let cameraBare: { key: string; client: BareClient } | undefined;
let video: HTMLVideoElement | undefined;
const canvas = document.createElement('canvas');
document.body.append(canvas);

function emptyRun(
  loop: LoopRun['loop'],
  source: LoopRun['source'],
  grab: LoopRun['grab'],
): LoopRun {
  return {
    loop,
    source,
    grab,
    backend: '',
    loadMs: 0,
    frames: 0,
    found: 0,
    dropped: 0,
    wallS: 0,
    modelMs: [],
    prepMs: [],
    tried: [],
    grabMs: [],
    perFrameMs: [],
    latencyMs: [],
    restMs: [],
    cueLatencyMs: [],
    longTasks: 0,
    longTaskMs: 0,
    frameSize: '',
  };
}

function watchLongTasks(run: LoopRun): () => void {
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      run.longTasks++;
      run.longTaskMs += e.duration;
    }
  });
  observer.observe({ type: 'longtask' });
  return () => observer.disconnect();
}

/** The pipeline's main-thread half for one pose: chain step, then the overlay. */
function handlePose(pipeline: CoachPipeline, pose: PoseResult, run: LoopRun): number {
  const t1 = performance.now();
  const step = pipeline.step(pose.frame, pose.tMs);
  const frame = step?.smoothed ?? pose.frame;
  drawOnCanvas(canvas, frame, frame ? segmentStatuses(frame, step?.screen) : []);
  const t2 = performance.now();
  run.restMs.push(t2 - t1);
  run.modelMs.push(pose.inferenceMs);
  run.tried.push(pose.tried);
  if (pose.frame) run.found++;
  run.frames++;
  return step?.cue ? t2 : Number.NaN;
}

function nextPose(client: PoseWorkerClient): Promise<PoseResult> {
  return new Promise((resolve, reject) => {
    client.onPose = resolve;
    client.onFrameError = (m) => reject(new Error(m));
    client.onStalled = () => reject(new Error('the pose worker stalled'));
  });
}

/** The app's worker client, with no stall limit: a software-GL backend takes seconds a frame. */
async function startClient(spec: EngineSpec): Promise<PoseWorkerClient> {
  const client = await PoseWorkerClient.start(spec);
  client.stallLimitMs = () => 600_000;
  return client;
}

window.bench = {
  ready: true,

  frameKinds(spec, n, only) {
    if (!video) throw new Error('openCamera first');
    return frameKinds(spec, video, decodedFrames, n, only);
  },

  async loadDecoded(url, count, step) {
    frameStepMs = 100 * step;
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    for (const b of decodedFrames) b.close();
    decodedFrames = await Promise.all(
      decodeY4m(bytes, count, step).map((f) =>
        createImageBitmap(new ImageData(new Uint8ClampedArray(f.data), f.width, f.height)),
      ),
    );
    const f = decodedFrames[0]!;
    return { frames: decodedFrames.length, size: `${f.width}×${f.height}` };
  },

  closeCamera() {
    const stream = video?.srcObject as MediaStream | null | undefined;
    for (const t of stream?.getTracks() ?? []) t.stop();
    video?.remove();
    video = undefined;
    cameraBare?.client.close();
    cameraBare = undefined;
  },

  async openCamera() {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: DEFAULT_CAMERA_CONSTRAINTS,
      audio: false,
    });
    video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    document.body.append(video);
    await video.play();
    while (video.videoWidth === 0) await new Promise((r) => setTimeout(r, 50));
    return {
      size: `${video.videoWidth}×${video.videoHeight}`,
      fps: stream.getVideoTracks()[0]?.getSettings().frameRate,
    };
  },

  async decoded(spec, loop, n) {
    const run = emptyRun(loop, 'decoded', 'app');
    const first = decodedFrames[0]!;
    run.frameSize = `${first.width}×${first.height}`;
    const frameAt = (i: number) => createImageBitmap(decodedFrames[i % decodedFrames.length]!);
    if (loop === 'bare') {
      const t0 = performance.now();
      const bare = await BareClient.start(spec);
      run.loadMs = performance.now() - t0;
      run.backend = bare.ready.backend;
      if (bare.ready.fallback) run.fallback = bare.ready.fallback;
      const stop = watchLongTasks(run);
      const w0 = performance.now();
      try {
        for (let i = 0; i < n; i++) {
          const bitmap = await frameAt(i);
          const t = performance.now();
          const r = await bare.detect(bitmap, i * frameStepMs, 'as-is');
          const ms = performance.now() - t;
          run.perFrameMs.push(ms);
          run.latencyMs.push(ms);
          run.modelMs.push(r.modelMs);
          run.prepMs.push(r.prepMs);
          run.frames++;
          if (r.found) run.found++;
        }
      } finally {
        run.wallS = (performance.now() - w0) / 1000;
        stop();
        bare.close();
      }
      return run;
    }
    const t0 = performance.now();
    const client = await startClient(spec);
    run.loadMs = performance.now() - t0;
    run.backend = client.info.runtime.backend;
    if (client.info.runtime.fallback) run.fallback = client.info.runtime.fallback;
    const pipeline = new CoachPipeline('childs-pose');
    const stop = watchLongTasks(run);
    const w0 = performance.now();
    try {
      for (let i = 0; i < n; i++) {
        const bitmap = await frameAt(i);
        const answer = nextPose(client);
        const t = performance.now();
        client.offer(bitmap, i * frameStepMs);
        const pose = await answer;
        const cueAt = handlePose(pipeline, pose, run);
        const ms = performance.now() - t;
        run.perFrameMs.push(ms);
        run.latencyMs.push(ms);
        if (Number.isFinite(cueAt)) run.cueLatencyMs.push(cueAt - t);
      }
    } finally {
      run.wallS = (performance.now() - w0) / 1000;
      stop();
      client.close();
    }
    return run;
  },

  async paired(spec, source, n) {
    const bare = await BareClient.start(spec);
    const client = await startClient(spec);
    const pipeline = new CoachPipeline('childs-pose');
    const run = emptyRun('pipeline', source, 'app');
    const out: PairedRun = {
      source,
      frames: 0,
      bareMs: [],
      pipelineMs: [],
      bareModelMs: [],
      pipelineModelMs: [],
      tried: [],
      restMs: [],
      longTasks: 0,
    };
    const stop = watchLongTasks(run);
    try {
      for (let i = 0; i < n; i++) {
        let a: ImageBitmap;
        let tMs: number;
        if (source === 'decoded') {
          a = await createImageBitmap(decodedFrames[i % decodedFrames.length]!);
          tMs = i * frameStepMs;
        } else {
          const v = video;
          if (!v) throw new Error('openCamera first');
          // A fresh camera frame, taken the way the app takes it.
          await new Promise((r) => v.requestVideoFrameCallback(r));
          tMs = performance.now();
          a = await createImageBitmap(v, cameraGrabOptions(v.videoWidth, v.videoHeight));
        }
        const b = await createImageBitmap(a);
        const viaBare = async () => {
          const t = performance.now();
          const r = await bare.detect(a, tMs, 'as-is');
          out.bareMs.push(performance.now() - t);
          out.bareModelMs.push(r.modelMs);
        };
        const viaPipeline = async () => {
          const t = performance.now();
          const answer = nextPose(client);
          client.offer(b, tMs);
          const pose = await answer;
          handlePose(pipeline, pose, run);
          out.pipelineMs.push(performance.now() - t);
          out.pipelineModelMs.push(pose.inferenceMs);
          out.tried.push(pose.tried);
        };
        if (i % 2) {
          await viaPipeline();
          await viaBare();
        } else {
          await viaBare();
          await viaPipeline();
        }
        out.frames++;
      }
    } finally {
      stop();
      bare.close();
      client.close();
    }
    out.restMs = run.restMs;
    out.longTasks = run.longTasks;
    return out;
  },

  async camera(spec, loop, grab, seconds) {
    const v = video;
    if (!v) throw new Error('openCamera first');
    const run = emptyRun(loop, 'camera', grab);
    run.frameSize = `${v.videoWidth}×${v.videoHeight}`;
    let lastDone: number | undefined;
    const done = (t: number) => {
      if (lastDone !== undefined) run.perFrameMs.push(t - lastDone);
      lastDone = t;
    };
    if (loop === 'pipeline') {
      const host = {
        addController() {},
        removeController() {},
        requestUpdate() {},
        updateComplete: Promise.resolve(true),
      };
      const controller = new PoseLoopController(host);
      const t0 = performance.now();
      const client = await controller.load(spec);
      run.loadMs = performance.now() - t0;
      run.backend = client.info.runtime.backend;
      if (client.info.runtime.fallback) run.fallback = client.info.runtime.fallback;
      const pipeline = new CoachPipeline('childs-pose');
      const stop = watchLongTasks(run);
      let w0 = 0;
      await new Promise<void>((resolve, reject) => {
        controller.onError = (m) => reject(new Error(m));
        controller.onPose = (pose) => {
          const cueAt = handlePose(pipeline, pose, run);
          const t2 = performance.now();
          if (run.frames === 1) w0 = t2;
          done(t2);
          run.latencyMs.push(t2 - pose.tMs);
          if (Number.isFinite(cueAt)) run.cueLatencyMs.push(cueAt - pose.tMs);
          if (t2 - w0 > seconds * 1000) resolve();
        };
        controller.attach(v);
      });
      run.wallS = (performance.now() - w0) / 1000;
      run.dropped = controller.client?.dropped ?? 0;
      stop();
      controller.stop();
      return run;
    }
    const key = JSON.stringify(spec);
    if (cameraBare?.key !== key) {
      cameraBare?.client.close();
      const t0 = performance.now();
      cameraBare = { key, client: await BareClient.start(spec) };
      run.loadMs = performance.now() - t0;
    }
    const bare = cameraBare.client;
    run.backend = bare.ready.backend;
    if (bare.ready.fallback) run.fallback = bare.ready.fallback;
    const stop = watchLongTasks(run);
    const scratch = document.createElement('canvas');
    let i = 0;
    let w0 = 0;
    let failed: unknown;
    /** A frame is being grabbed or analysed: later camera frames are dropped, as the app does. */
    let inFlight = false;
    await new Promise<void>((resolve) => {
      const tick = () => {
        if (failed !== undefined) return resolve();
        if (w0 && performance.now() - w0 > seconds * 1000) return resolve();
        v.requestVideoFrameCallback(tick);
        if (inFlight) {
          run.dropped++;
          return;
        }
        inFlight = true;
        const tGrab = performance.now();
        const go = async () => {
          const tMs = tGrab;
          let r: Extract<FromBare, { type: 'pose' }>;
          if (grab === 'bitmap' || grab === 'bitmap-readback' || grab === 'app') {
            const bitmap = await createImageBitmap(
              v,
              cameraGrabOptions(v.videoWidth, v.videoHeight),
            );
            run.grabMs.push(performance.now() - tGrab);
            r = await bare.detect(bitmap, tMs, grab === 'bitmap-readback' ? 'readback' : 'as-is');
          } else if (grab === 'videoframe' || grab === 'videoframe-copy') {
            const frame = new VideoFrame(v, { timestamp: Math.round(tMs * 1000) });
            run.grabMs.push(performance.now() - tGrab);
            r = await bare.detect(
              frame,
              tMs,
              grab === 'videoframe' ? 'videoframe-bitmap' : 'videoframe-copy',
            );
          } else if (grab === 'canvas') {
            scratch.width = v.videoWidth;
            scratch.height = v.videoHeight;
            const ctx = scratch.getContext('2d', { willReadFrequently: true })!;
            ctx.drawImage(v, 0, 0);
            const img = ctx.getImageData(0, 0, scratch.width, scratch.height);
            run.grabMs.push(performance.now() - tGrab);
            r = await bare.detect(
              { data: img.data.buffer, width: img.width, height: img.height },
              tMs,
              'rgba',
            );
          } else {
            const bitmap = await createImageBitmap(decodedFrames[i++ % decodedFrames.length]!);
            run.grabMs.push(performance.now() - tGrab);
            r = await bare.detect(bitmap, tMs, 'as-is');
          }
          const t2 = performance.now();
          if (!w0) w0 = t2;
          done(t2);
          run.latencyMs.push(t2 - tGrab);
          run.modelMs.push(r.modelMs);
          run.prepMs.push(r.prepMs);
          run.frames++;
          if (r.found) run.found++;
        };
        go().then(
          () => {
            inFlight = false;
          },
          (e: unknown) => {
            failed = e;
          },
        );
      };
      v.requestVideoFrameCallback(tick);
    });
    run.wallS = (performance.now() - w0) / 1000;
    stop();
    if (failed !== undefined) throw failed;
    return run;
  },
};
