/**
 * The production build's chunks: the page never loads a pose engine. The
 * Engine check runs in the pose worker like the live coach
 * (src/controllers/still-pose-controller.ts), so TensorFlow.js and
 * MediaPipe are reachable only from the worker's chunk, never from the
 * page's entry (by static or dynamic import). The worker itself is started
 * from a URL (`new Worker(new URL(…))`), which is not an import.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AppBuild, buildApp } from '../support/vite-server.ts';

/** Text only engine code carries: the libraries' own names for what they do. */
const ENGINE_MARKERS = ['PoseLandmarker', 'estimatePoses', 'setWasmPaths'];

let build: AppBuild;

beforeAll(async () => {
  build = await buildApp();
}, 300_000);

/** Chunks imported (statically or dynamically) from `entry`, itself included, by file name. */
function reachable(entry: string): Set<string> {
  const assets = join(build.outDir, 'assets');
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(assets, file), 'utf8');
    // `import("./x.js")`, `from "./x.js"`, `import "./x.js"` (any quote), and Vite's preload lists.
    const imports =
      /(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)[`'"]\.\/([\w.-]+\.js)[`'"]|[`'"]assets\/([\w.-]+\.js)[`'"]/g;
    for (const m of code.matchAll(imports)) {
      const name = m[1] ?? m[2]!;
      if (existsSync(join(assets, name))) queue.push(name);
    }
  }
  return seen;
}

const markersIn = (files: Iterable<string>) =>
  [...files].flatMap((f) => {
    const code = readFileSync(join(build.outDir, 'assets', f), 'utf8');
    return ENGINE_MARKERS.filter((m) => code.includes(m)).map((m) => `${f}: ${m}`);
  });

describe('engine code in the production build', () => {
  it('the page’s chunks hold no pose engine; the pose worker’s do', () => {
    const html = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    const entry = html.match(/<script[^>]+src="\/assets\/([\w.-]+\.js)"/)?.[1];
    expect(entry, 'the page’s entry script').toBeDefined();
    const page = reachable(entry!);
    const entryCode = readFileSync(join(build.outDir, 'assets', entry!), 'utf8');
    const workerFile = entryCode.match(/\/assets\/(pose-worker-[\w-]+\.js)/)?.[1];
    expect(workerFile, 'the page starts the pose worker by URL').toBeDefined();
    const worker = reachable(workerFile!);
    console.log(`page chunks: ${[...page].join(', ')}; worker chunks: ${[...worker].join(', ')}`);
    expect(page.has(workerFile!)).toBe(false);
    expect(markersIn(page)).toEqual([]);
    // The check can fail: each engine's code is found where it does run.
    const inWorker = markersIn(worker);
    for (const marker of ENGINE_MARKERS) {
      expect(
        inWorker.some((m) => m.endsWith(marker)),
        marker,
      ).toBe(true);
    }
    expect([...worker].some((f) => f.startsWith('tfjs-engine-'))).toBe(true);
    expect([...worker].some((f) => f.startsWith('vision_bundle-'))).toBe(true);
    expect(
      [...page].some((f) => f.startsWith('tfjs-engine-') || f.startsWith('vision_bundle-')),
    ).toBe(false);
  });
});
