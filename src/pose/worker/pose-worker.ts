/**
 * Worker entry: runs one pose engine through the FloorTracker off the main
 * thread, so inference (50–250 ms a frame on a laptop CPU) never blocks the
 * page. Lifetime: one engine for the worker's life; `close` frees the
 * tracker (and every engine it made) and ends the worker. Every frame's
 * bitmap is closed in `finally`, found or not.
 */
/// <reference lib="webworker" />
import { browserEngineAssets } from '../browser-engine-assets.ts';
import { createPoseEngine } from '../create-pose-engine.ts';
import { FloorTracker } from '../floor-tracker.ts';
import type { ModelFiles } from '../model-files.ts';
import { watchGpuContexts } from './gpu-context-watch.ts';
import { meanBrightness } from './mean-brightness.ts';
import type { FromWorker, ToWorker } from './pose-worker-protocol.ts';
import { OffOriginRequestError, sealWorkerNetwork, staysOnOrigin } from './seal-worker-network.ts';
import { verifiedWasmResponse } from './verified-wasm-response.ts';

declare const self: DedicatedWorkerGlobalScope & { import?: (url: string) => Promise<unknown> };

/** The worker's model files once loaded: the wasm they checked is served from them. */
let files: ModelFiles | undefined;
const fromChecked = (url: URL) => (files ? verifiedWasmResponse(files, url) : undefined);

// First, before any engine code loads (engines are imported only on 'start'):
// the page's CSP does not cover this worker on a host that sends no headers.
const refused = (url: string) => console.warn(`Spinewise: refused a request to ${url}`);
sealWorkerNetwork(self, refused, fromChecked);
// Before any engine makes a WebGL context: a lost one is reported (the page moves to the CPU).
const gpu = watchGpuContexts(self, (message) => send({ type: 'gpu-lost', message }));

/**
 * MediaPipe loads its wasm glue script with `self.import(url)` when that is
 * defined (else `import(url)`) and clears `self.ModuleFactory` once a task
 * is made. An ES module runs only once per URL, so the second landmarker in
 * this worker (the FloorTracker makes one per orientation, e.g. when nobody
 * is found upright) would find no factory: "ModuleFactory not set". A fresh
 * URL per load makes the glue run again. Script from elsewhere is refused
 * like any other request (import() cannot be wrapped, this hook can). A
 * glue script already checked against the manifest is run from its checked
 * bytes (a blob: URL, fresh each load), not fetched again.
 */
let glueLoads = 0;
self.import = async (url: string) => {
  if (!staysOnOrigin(url, self.location.href, self.location.origin)) {
    refused(url);
    throw new OffOriginRequestError(url);
  }
  const checked = fromChecked(new URL(url, self.location.href));
  if (checked) {
    const blobUrl = URL.createObjectURL(await (await checked).blob());
    try {
      return await import(/* @vite-ignore */ blobUrl);
    } finally {
      URL.revokeObjectURL(blobUrl);
    }
  }
  return import(/* @vite-ignore */ `${url}${url.includes('?') ? '&' : '?'}load=${++glueLoads}`);
};

let tracker: FloorTracker | undefined;

/** Whether an engine's backend draws on the GPU (MediaPipe's GPU delegate, tfjs WebGL). */
function runsOnGpu(backend: string): boolean {
  return backend === 'GPU' || backend === 'webgl';
}

function send(message: FromWorker) {
  self.postMessage(message);
}

async function start(message: Extract<ToWorker, { type: 'start' }>) {
  if (tracker) throw new Error('The pose worker was started twice; make a new worker instead.');
  const t0 = performance.now();
  const assets = await browserEngineAssets();
  files = assets.files;
  tracker = new FloorTracker({
    createEngine: () => createPoseEngine(message.spec, assets),
    turnFrames: message.turnFrames,
  });
  // Load the upright engine now, so the first frame does not pay for it.
  const info = await tracker.engineInfo();
  if (runsOnGpu(info.runtime.backend)) gpu.arm();
  send({
    type: 'ready',
    engine: info.engine,
    runtime: info.runtime,
    loadMs: performance.now() - t0,
  });
}

async function detect(message: Extract<ToWorker, { type: 'frame' }>) {
  const { bitmap, id, tMs } = message;
  try {
    if (!tracker) throw new Error('A frame came before the engine was started.');
    const brightness = message.wantBrightness ? meanBrightness(bitmap) : undefined;
    const t0 = performance.now();
    const found = await tracker.detect(bitmap, tMs);
    send({
      type: 'pose',
      id,
      tMs,
      frame: found.frame,
      usable: found.usable,
      orientation: found.orientation,
      tried: found.tried.length,
      inferenceMs: performance.now() - t0,
      brightness,
    });
  } catch (e) {
    send({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    bitmap.close();
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      start(message).catch((e: unknown) =>
        send({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
      break;
    case 'frame':
      void detect(message);
      break;
    case 'close':
      tracker?.close();
      tracker = undefined;
      self.close();
      break;
  }
};
