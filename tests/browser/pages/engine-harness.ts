/**
 * Test page: drives the real engines in the browser under the app's own
 * headers and CSP, and hands plain results back to the Node test.
 */
import type { PoseFrame } from '../../../src/core/pose-frame.ts';
import { browserEngineAssets } from '../../../src/pose/browser-engine-assets.ts';
import { createPoseEngine, type EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import type { EngineRuntime } from '../../../src/pose/pose-engine.ts';
import { hold, liveResources } from '../../../src/pose/resource-count.ts';

const cspViolations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
});

async function withStill<T>(url: string, use: (image: ImageBitmap) => Promise<T>): Promise<T> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const release = hold('image-bitmap');
  try {
    return await use(bitmap);
  } finally {
    bitmap.close();
    release();
  }
}

async function detectStill(spec: EngineSpec, url: string, frames: number) {
  return withStill(url, async (image) => {
    const t0 = performance.now();
    const engine = await createPoseEngine(spec, await browserEngineAssets());
    const loadMs = performance.now() - t0;
    const inferenceMs: number[] = [];
    let frame: PoseFrame | null = null;
    try {
      for (let i = 0; i < frames; i++) {
        const t = performance.now();
        frame = await engine.detect(image, i * 33);
        inferenceMs.push(performance.now() - t);
      }
    } finally {
      engine.close();
    }
    const runtime: EngineRuntime = engine.runtime;
    return { frame, runtime, loadMs, inferenceMs };
  });
}

async function cycles(spec: EngineSpec, url: string, n: number) {
  for (let i = 0; i < n; i++) await detectStill(spec, url, 1);
  return liveResources();
}

const harness = { detectStill, cycles, liveResources, cspViolations, ready: true };
declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
