/**
 * A module worker for tests/browser/engine-gpu-watch.test.ts: installs the
 * pose worker's WebGL watch, makes a WebGL2 context as an engine would,
 * and on `lose` loses it (WEBGL_lose_context), posting what the watch said.
 */
/// <reference lib="webworker" />
import { watchGpuContexts } from '../../../src/pose/worker/gpu-context-watch.ts';

declare const self: DedicatedWorkerGlobalScope;

const watch = watchGpuContexts(self, (message) => self.postMessage({ type: 'gpu-lost', message }));
// A probe context lost before arming (as the software-WebGL probe does) must not count.
const probe = new OffscreenCanvas(1, 1).getContext('webgl2');
probe?.getExtension('WEBGL_lose_context')?.loseContext();
const engine = new OffscreenCanvas(64, 64).getContext('webgl2');

self.onmessage = (e: MessageEvent<string>) => {
  if (e.data === 'arm') {
    watch.arm();
    self.postMessage({ type: 'armed', contexts: watch.contexts.length, webgl2: !!engine });
  } else if (e.data === 'lose') {
    engine?.getExtension('WEBGL_lose_context')?.loseContext();
  }
};
self.postMessage({ type: 'started' });
