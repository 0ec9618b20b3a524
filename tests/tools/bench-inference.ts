/**
 * Per-frame inference medians of every engine/model, side by side in one run
 * (`npm run bench:inference`): each engine in headless Chromium on this
 * machine, plus the tfjs models in Node. Prints a table; compare rows as
 * ratios against the first (MediaPipe lite), never across machines.
 * Lives with the test tools because it drives Chromium through playwright-core.
 */

import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import type { EngineSpec } from '../../src/pose/create-pose-engine.ts';
import { diskModelReader } from '../../src/pose/disk-model-reader.ts';
import { ENGINE_CHOICES } from '../../src/pose/engine-options.ts';
import { ModelFiles } from '../../src/pose/model-files.ts';
import { createTfjsEngine } from '../../src/pose/tfjs/tfjs-engine.ts';
import { openOfflineBrowser } from '../support/offline-browser.ts';
import { readPng } from '../support/png.ts';
import { STILL_PNG, STILL_URL } from '../support/still-fixture.ts';
import { PROJECT_ROOT, startDevServer } from '../support/vite-server.ts';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 20);
/** First frames run the detector and warm caches; leave them out of the median. */
const WARMUP = 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

interface Row {
  where: string;
  label: string;
  backend: string;
  loadMs: number;
  medianMs: number;
}

async function browserRows(): Promise<Row[]> {
  const server = await startDevServer();
  const browser = await openOfflineBrowser(server.url);
  const rows: Row[] = [];
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/tests/browser/pages/engine-harness.html`);
    await page.waitForFunction(() => window.harness?.ready === true, undefined, {
      timeout: 120_000,
    });
    const specs: { label: string; spec: EngineSpec }[] = ENGINE_CHOICES.map((c) => ({
      label: c.label,
      spec:
        c.spec.engine === 'mediapipe'
          ? { ...c.spec, delegate: 'CPU' }
          : { ...c.spec, backend: 'wasm' },
    }));
    for (const { label, spec } of specs) {
      const r = await page.evaluate(([s, url, n]) => window.harness.detectStill(s, url, n), [
        spec,
        STILL_URL,
        FRAMES,
      ] as const);
      rows.push({
        where: 'chromium',
        label,
        backend: r.runtime.backend,
        loadMs: r.loadMs,
        medianMs: median(r.inferenceMs.slice(WARMUP)),
      });
    }
    if (browser.offOrigin.length)
      throw new Error(`requests left the origin: ${browser.offOrigin.join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

async function nodeRows(): Promise<Row[]> {
  const files = await ModelFiles.open(diskModelReader(`${PROJECT_ROOT}/models`));
  const image = readPng(STILL_PNG);
  const rows: Row[] = [];
  for (const model of [
    'blazepose-lite',
    'blazepose-full',
    'movenet-lightning',
    'movenet-thunder',
  ] as const) {
    const t0 = performance.now();
    const engine = await createTfjsEngine({ model, files, backend: 'wasm' });
    const loadMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < FRAMES; i++) {
      const t = performance.now();
      await engine.detect(image, i * 33);
      times.push(performance.now() - t);
    }
    engine.close();
    rows.push({
      where: 'node',
      label: `TensorFlow.js · ${model}`,
      backend: tf.getBackend(),
      loadMs,
      medianMs: median(times.slice(WARMUP)),
    });
  }
  return rows;
}

const rows = [...(await browserRows()), ...(await nodeRows())];
const base = rows[0]!.medianMs;
console.log(
  `\nInference on ${STILL_PNG.split('/').pop()} (360×480), ${FRAMES - WARMUP} frames after ${WARMUP} warm-up, ${cpus().length} cores: ${cpus()[0]?.model}`,
);
console.log('| where | engine · model | backend | load ms | median ms/frame | × MediaPipe lite |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.where} | ${r.label} | ${r.backend} | ${Math.round(r.loadMs)} | ${r.medianMs.toFixed(1)} | ${(r.medianMs / base).toFixed(2)} |`,
  );
}
