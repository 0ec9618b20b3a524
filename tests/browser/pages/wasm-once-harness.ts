/**
 * Runs one engine in the app's pose worker for tests/browser/wasm-once.test.ts:
 * a picture of a person (found upright) and then an empty frame (nobody: the
 * worker's FloorTracker makes an engine for each other orientation, so the
 * engine's wasm is loaded more than once in the same worker).
 */
import stillUrl from '../../../fixtures/images/standing-arm-up.png';
import type { EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import { type PoseResult, PoseWorkerClient } from '../../../src/pose/worker/pose-worker-client.ts';

export interface WasmOnceRun {
  backend: string;
  /** Found on the picture; orientations tried on the empty frame. */
  found: boolean;
  emptyTried: number;
}

declare global {
  interface Window {
    runEngine: (spec: EngineSpec) => Promise<WasmOnceRun>;
    harnessReady: boolean;
  }
}

function detect(client: PoseWorkerClient, bitmap: ImageBitmap, tMs: number): Promise<PoseResult> {
  return new Promise((resolve, reject) => {
    client.onPose = resolve;
    client.onFrameError = (m) => reject(new Error(m));
    client.offer(bitmap, tMs);
  });
}

window.runEngine = async (spec) => {
  const client = await PoseWorkerClient.start(spec);
  try {
    const picture = await createImageBitmap(await (await fetch(stillUrl)).blob());
    const person = await detect(client, picture, 0);
    const empty = await createImageBitmap(new ImageData(320, 240));
    const nobody = await detect(client, empty, 100);
    return {
      backend: client.info.runtime.backend,
      found: person.frame !== null,
      emptyTried: nobody.tried,
    };
  } finally {
    client.close();
  }
};
window.harnessReady = true;
