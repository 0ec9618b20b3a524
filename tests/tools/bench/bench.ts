/**
 * `npm run bench` (`-- --quick` for a short run, `--paired <n>` frames per
 * source in the paired comparison): every engine/model/backend
 * that runs here, side by side in one headless Chromium, on rendered frames
 * (bench-page.ts): model load, model time per frame, the rest of our
 * pipeline per frame, frame-to-result and frame-to-cue latency, main-thread
 * long tasks, and our pipeline against a bare loop on the same model and
 * frames, on decoded frames and on frames grabbed from Chromium's fake
 * camera playing the same clip; then the frame-grab variants of the camera
 * investigation, and tfjs in Node. Prints Markdown tables, writes JSON
 * (test-results/bench.json, or `--json <file>`).
 *
 * Decoded runs are interleaved (bare, pipeline, bare, pipeline) so a change
 * in the machine's load hits both loops alike; ratios are of medians.
 * This is a script, not a test: nothing here has a time limit to trip.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import { diskModelReader } from '../../../src/pose/disk-model-reader.ts';
import { ModelFiles } from '../../../src/pose/model-files.ts';
import { createTfjsEngine } from '../../../src/pose/tfjs/tfjs-engine.ts';
import { CoachPipeline } from '../../../src/session/coach-pipeline.ts';
import { fakeCameraArgs } from '../../browser/live-coach-page.ts';
import { launchSharedChromium } from '../../support/chromium.ts';
import { openOfflineContext } from '../../support/offline-browser.ts';
import { PROJECT_ROOT, startDevServer } from '../../support/vite-server.ts';
import { cameraClip } from '../make-camera-clip.ts';
import { percentile } from '../soak/soak-run.ts';
import type { Grab, LoopRun, PairedRun } from './bench-page.ts';
import { decodeY4m } from './y4m-frames.ts';
import { retimedClip } from './y4m-retime.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    /** Frames per source in the paired comparison (default: 6 quick, 16 full; 2 are warm-up). */
    paired: { type: 'string' },
    clip: { type: 'string', default: 'child-hips-not-back-side-female' },
    json: { type: 'string', default: join(PROJECT_ROOT, 'test-results/bench.json') },
  },
});
const QUICK = values.quick;
/** Decoded frames per run (two runs per loop), camera seconds per run, investigation seconds. */
const N = QUICK ? 6 : 16;
const CAMERA_S = QUICK ? 5 : 10;
const GRAB_S = QUICK ? 4 : 6;
/** Frames per source in the paired runs: the ratio against the bare loop rests on them. */
const PAIRED = values.paired ? Number(values.paired) : N;
/** Rounds of the grab variants (each round runs every variant once, in turn). */
const GRAB_ROUNDS = 1;
/** Rounds of the real-time camera loops (bare, pipeline). */
const CAMERA_ROUNDS = QUICK ? 1 : 2;
/** Decoded frames: every second frame of the 10 fps clip (5 fps of clip time, so cues come sooner). */
const STEP = 2;
/** First frames load caches and run the detector: left out of every figure. */
const WARMUP = 2;

interface Target {
  label: string;
  spec: EngineSpec;
  /** Decoded frames only, fewer (a software-GL backend is far too slow for the rest). */
  slow?: boolean;
}

const TARGETS: Target[] = [
  { label: 'MediaPipe lite', spec: { engine: 'mediapipe', model: 'lite', delegate: 'CPU' } },
  { label: 'MediaPipe full', spec: { engine: 'mediapipe', model: 'full', delegate: 'CPU' } },
  {
    label: 'TF.js BlazePose lite',
    spec: { engine: 'tfjs', model: 'blazepose-lite', backend: 'wasm' },
  },
  {
    label: 'TF.js BlazePose full',
    spec: { engine: 'tfjs', model: 'blazepose-full', backend: 'wasm' },
  },
  ...(QUICK
    ? []
    : [
        {
          label: 'TF.js BlazePose lite',
          spec: { engine: 'tfjs', model: 'blazepose-lite', backend: 'webgl' },
          slow: true,
        } satisfies Target,
      ]),
];
/** The investigation runs on the two default models. */
const GRABS: Grab[] = [
  'bitmap',
  'bitmap-readback',
  'videoframe',
  'videoframe-copy',
  'canvas',
  'decoded',
];

const med = (xs: number[]) => percentile(xs.slice(WARMUP), 50) ?? Number.NaN;
const p95 = (xs: number[]) => percentile(xs.slice(WARMUP), 95) ?? Number.NaN;
const pool = (
  runs: LoopRun[],
  key: 'modelMs' | 'perFrameMs' | 'latencyMs' | 'restMs' | 'prepMs' | 'tried' | 'grabMs',
) => runs.flatMap((r) => r[key].slice(WARMUP));
const pMed = (xs: number[]) => percentile(xs, 50) ?? Number.NaN;
const pP95 = (xs: number[]) => percentile(xs, 95) ?? Number.NaN;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
/** The pipeline's model time per frame divided by the orientations the tracker ran it on. */
const perTryMs = (runs: LoopRun[]) =>
  runs.flatMap((r) => r.modelMs.slice(WARMUP).map((m, i) => m / (r.tried[i + WARMUP] || 1)));
/**
 * Median over frames of pipeline ÷ bare for the same frame: wall time per
 * frame (`ms`), model time (`model`) or model time per orientation tried (`try`).
 */
function pairedRatio(p: PairedRun, what: 'ms' | 'model' | 'try'): number {
  const ratios: number[] = [];
  for (let i = WARMUP; i < p.frames; i++) {
    const num =
      what === 'ms'
        ? p.pipelineMs[i]!
        : what === 'model'
          ? p.pipelineModelMs[i]!
          : p.pipelineModelMs[i]! / (p.tried[i] || 1);
    const den = what === 'ms' ? p.bareMs[i]! : p.bareModelMs[i]!;
    if (den > 0) ratios.push(num / den);
  }
  return percentile(ratios, 50) ?? Number.NaN;
}
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');

interface TargetResult {
  label: string;
  spec: EngineSpec;
  decoded: { bare: LoopRun[]; pipeline: LoopRun[] };
  camera?: { bare: LoopRun[]; pipeline: LoopRun[] };
  paired: PairedRun[];
  grabs?: LoopRun[];
  error?: string;
}

async function inChromium(clip10: string, clip30: string) {
  const server = await startDevServer();
  const browser = await launchSharedChromium(fakeCameraArgs(clip30));
  const results: TargetResult[] = [];
  let camera: { size: string; fps: number | undefined } | undefined;
  let decoded: { frames: number; size: string } | undefined;
  let offOrigin: string[] = [];
  try {
    const context = await openOfflineContext(browser, server.url);
    offOrigin = context.offOrigin;
    const page = await context.context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${server.url}/tests/tools/bench/bench-page.html`, { timeout: 300_000 });
    await page.waitForFunction(() => window.bench?.ready === true, undefined, { timeout: 300_000 });
    const url = `/${relative(PROJECT_ROOT, clip10)}`;
    decoded = await page.evaluate(([u, n, s]) => window.bench.loadDecoded(u, n, s), [
      url,
      60,
      STEP,
    ] as const);
    console.log(`decoded ${decoded.frames} frames ${decoded.size}`);
    for (const t of TARGETS) {
      const name = `${t.label} (${t.spec.engine === 'tfjs' ? t.spec.backend : t.spec.delegate})`;
      const r: TargetResult = {
        label: name,
        spec: t.spec,
        decoded: { bare: [], pipeline: [] },
        paired: [],
      };
      results.push(r);
      try {
        const n = t.slow ? 5 : N;
        for (let round = 0; round < 2; round++) {
          for (const loop of ['bare', 'pipeline'] as const) {
            const run = await page.evaluate(([s, l, k]) => window.bench.decoded(s, l, k), [
              t.spec,
              loop,
              n,
            ] as const);
            r.decoded[loop].push(run);
            console.log(`${name} decoded ${loop}: model median ${f0(med(run.modelMs))} ms`);
          }
        }
        if (t.slow) continue;
        const pairedDecoded = await page.evaluate(
          ([s, k]) => window.bench.paired(s, 'decoded', k),
          [t.spec, PAIRED] as const,
        );
        r.paired.push(pairedDecoded);
        // The decoded runs above had no camera open; from here on it plays.
        camera = await page.evaluate(() => window.bench.openCamera());
        const pairedCamera = await page.evaluate(([s, k]) => window.bench.paired(s, 'camera', k), [
          t.spec,
          PAIRED,
        ] as const);
        r.paired.push(pairedCamera);
        console.log(
          `${name} paired: pipeline ÷ bare ${f2(pairedRatio(pairedDecoded, 'ms'))} decoded, ${f2(pairedRatio(pairedCamera, 'ms'))} camera`,
        );
        r.camera = { bare: [], pipeline: [] };
        for (let round = 0; round < CAMERA_ROUNDS; round++) {
          for (const loop of ['bare', 'pipeline'] as const) {
            const run = await page.evaluate(
              ([s, l, sec]) => window.bench.camera(s, l, l === 'bare' ? 'bitmap' : 'app', sec),
              [t.spec, loop, CAMERA_S] as const,
            );
            r.camera[loop].push(run);
            console.log(`${name} camera ${loop}: model median ${f0(med(run.modelMs))} ms`);
          }
        }
        if (t.spec.model === 'lite' || t.spec.model === 'blazepose-lite') {
          r.grabs = [];
          for (let round = 0; round < GRAB_ROUNDS; round++) {
            for (const grab of GRABS) {
              const run = await page.evaluate(
                ([s, g, sec]) => window.bench.camera(s, 'bare', g, sec),
                [t.spec, grab, GRAB_S] as const,
              );
              r.grabs.push(run);
              console.log(
                `${name} grab ${grab}: prep ${f1(med(run.prepMs))} ms, model ${f0(med(run.modelMs))} ms`,
              );
            }
          }
        }
        await page.evaluate(() => window.bench.closeCamera());
      } catch (e) {
        r.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
        console.log(`${name}: ${r.error}`);
        await page.evaluate(() => window.bench.closeCamera());
      }
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return { results, camera, decoded, offOrigin };
}

interface NodeRow {
  label: string;
  backend: string;
  loadMs: number;
  modelMs: number[];
  restMs: number[];
}

async function inNode(clip10: string): Promise<NodeRow[]> {
  const tf = await import('@tensorflow/tfjs-core');
  const files = await ModelFiles.open(diskModelReader(`${PROJECT_ROOT}/models`));
  const frames = decodeY4m(new Uint8Array(readFileSync(clip10)), QUICK ? 10 : 20, STEP);
  const rows: NodeRow[] = [];
  for (const model of ['blazepose-lite', 'blazepose-full'] as const) {
    const t0 = performance.now();
    const engine = await createTfjsEngine({ model, files, backend: 'wasm' });
    const row: NodeRow = {
      label: `TF.js ${model}`,
      backend: tf.getBackend(),
      loadMs: performance.now() - t0,
      modelMs: [],
      restMs: [],
    };
    const pipeline = new CoachPipeline('childs-pose');
    for (const [i, frame] of frames.entries()) {
      const t = performance.now();
      const pose = await engine.detect(frame, i * 100 * STEP);
      const t1 = performance.now();
      pipeline.step(pose, i * 100 * STEP);
      row.modelMs.push(t1 - t);
      row.restMs.push(performance.now() - t1);
    }
    engine.close();
    rows.push(row);
    console.log(`node ${model}: model median ${f0(med(row.modelMs))} ms`);
  }
  return rows;
}

function tables(chromium: Awaited<ReturnType<typeof inChromium>>, node: NodeRow[]): string {
  const out: string[] = [];
  out.push(
    '**Our pipeline against the bare loop, paired** (each frame copied, one copy through each loop, order alternating; medians of the per-frame ratios; target ≤ 1.05)',
    '',
    '| engine · model (backend) | frames | pipeline ÷ bare, decoded | model ÷ model, decoded | pipeline ÷ bare, camera | model ÷ model, camera | per orientation, camera | orientations tried per frame, decoded / camera | bare model med, decoded / camera ms |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of chromium.results) {
    const d = r.paired.find((p) => p.source === 'decoded');
    const c = r.paired.find((p) => p.source === 'camera');
    if (!d || !c) continue;
    out.push(
      `| ${r.label} | ${d.frames - WARMUP} + ${c.frames - WARMUP} | ${f2(pairedRatio(d, 'ms'))} | ${f2(pairedRatio(d, 'model'))} | ${f2(pairedRatio(c, 'ms'))} | ${f2(pairedRatio(c, 'model'))} | ${f2(pairedRatio(c, 'try'))} | ${f2(mean(d.tried.slice(WARMUP)))} / ${f2(mean(c.tried.slice(WARMUP)))} | ${f0(med(d.bareModelMs))} / ${f0(med(c.bareModelMs))} |`,
    );
  }
  out.push(
    '',
    '**Decoded frames** (the clip decoded to RGBA in the page, one frame after another; medians of two interleaved runs per loop, ms)',
    '',
    '| engine · model (backend) | load ms | model med / p95 | rest of pipeline med / p95 | frame→pose drawn med / p95 | frame→cue med (n) | long tasks | pipeline ÷ bare per frame | pipeline ÷ bare model | orientations tried per frame |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of chromium.results) {
    const b = r.decoded.bare;
    const p = r.decoded.pipeline;
    if (!b.length || !p.length) {
      out.push(`| ${r.label} | ${r.error ?? 'did not run'} |||||||| `);
      continue;
    }
    const load = pMed(p.map((x) => x.loadMs));
    const cue = p.flatMap((x) => x.cueLatencyMs);
    const fallback = p[0]?.fallback ? ` ⚠ ${p[0].fallback}` : '';
    out.push(
      `| ${r.label}${fallback} | ${f0(load)} | ${f0(pMed(pool(p, 'modelMs')))} / ${f0(pP95(pool(p, 'modelMs')))} | ${f1(pMed(pool(p, 'restMs')))} / ${f1(pP95(pool(p, 'restMs')))} | ${f0(pMed(pool(p, 'latencyMs')))} / ${f0(pP95(pool(p, 'latencyMs')))} | ${cue.length ? `${f0(pMed(cue))} (${cue.length})` : '— (0)'} | ${p.reduce((a, x) => a + x.longTasks, 0)} | ${f2(pMed(pool(p, 'perFrameMs')) / pMed(pool(b, 'perFrameMs')))} | ${f2(pMed(pool(p, 'modelMs')) / pMed(pool(b, 'modelMs')))} | ${f2(mean(pool(p, 'tried')))} |`,
    );
  }
  out.push(
    '',
    `**Camera frames** (Chromium's fake camera playing the same clip at 30 fps, ${chromium.camera?.size}; frames dropped while busy; ms)`,
    '',
    '| engine · model (backend) | model med / p95 bare | model med / p95 pipeline | rest med | grab→pose drawn med / p95 | frame→cue med (n) | analysed fps bare / pipeline | dropped | long tasks | pipeline ÷ bare per frame | pipeline ÷ bare model | orientations tried per frame | pipeline ÷ bare model per orientation | camera ÷ decoded model (bare) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of chromium.results) {
    const c = r.camera;
    if (!c) continue;
    const fps = (xs: LoopRun[]) => {
      const frames = xs.reduce((a, x) => a + x.frames - 1, 0);
      const wall = xs.reduce((a, x) => a + x.wallS, 0);
      return wall > 0 ? frames / wall : Number.NaN;
    };
    const cues = c.pipeline.flatMap((x) => x.cueLatencyMs);
    const decodedBare = pMed(pool(r.decoded.bare, 'modelMs'));
    const bm = pMed(pool(c.bare, 'modelMs'));
    const pm = pMed(pool(c.pipeline, 'modelMs'));
    const tries = mean(pool(c.pipeline, 'tried'));
    const perTry = pMed(perTryMs(c.pipeline));
    out.push(
      `| ${r.label} | ${f0(bm)} / ${f0(pP95(pool(c.bare, 'modelMs')))} | ${f0(pm)} / ${f0(pP95(pool(c.pipeline, 'modelMs')))} | ${f1(pMed(pool(c.pipeline, 'restMs')))} | ${f0(pMed(pool(c.pipeline, 'latencyMs')))} / ${f0(pP95(pool(c.pipeline, 'latencyMs')))} | ${cues.length ? `${f0(pMed(cues))} (${cues.length})` : '— (0)'} | ${f1(fps(c.bare))} / ${f1(fps(c.pipeline))} | ${c.pipeline.reduce((a, x) => a + x.dropped, 0)} | ${c.pipeline.reduce((a, x) => a + x.longTasks, 0)} | ${f2(pMed(pool(c.pipeline, 'perFrameMs')) / pMed(pool(c.bare, 'perFrameMs')))} | ${f2(pm / bm)} | ${f2(tries)} | ${f2(perTry / bm)} | ${f2(bm / decodedBare)} |`,
    );
  }
  out.push(
    '',
    '**Camera frame grab, bare loop** (how the frame reaches the model; prep = turning it into what the model reads, in the worker; ms)',
    '',
    '| engine · model | grab | frame | grab on page med | prep med | model med / p95 | model ÷ decoded (no camera) |',
    '|---|---|---|---|---|---|---|',
  );
  for (const r of chromium.results) {
    const decodedBare = pMed(pool(r.decoded.bare, 'modelMs'));
    for (const grab of GRABS) {
      const runs = (r.grabs ?? []).filter((g) => g.grab === grab);
      if (!runs.length) continue;
      const m = pMed(pool(runs, 'modelMs'));
      out.push(
        `| ${r.label} | ${grab} | ${runs[0]!.frameSize} | ${f1(pMed(pool(runs, 'grabMs')))} | ${f1(pMed(pool(runs, 'prepMs')))} | ${f0(m)} / ${f0(pP95(pool(runs, 'modelMs')))} | ${f2(m / decodedBare)} |`,
      );
    }
  }
  out.push(
    '',
    '**Node** (tfjs in Node on the same decoded frames; rest = CoachPipeline.step, no drawing; ms)',
    '',
    '| engine · model | backend | load ms | model med / p95 | rest med |',
    '|---|---|---|---|---|',
  );
  for (const n of node)
    out.push(
      `| ${n.label} | ${n.backend} | ${f0(n.loadMs)} | ${f0(med(n.modelMs))} / ${f0(p95(n.modelMs))} | ${f2(med(n.restMs))} |`,
    );
  return out.join('\n');
}

const load0 = loadavg();
const t0 = performance.now();
const clip10 = await cameraClip(values.clip);
const clip30 = retimedClip(clip10, 30);
console.log(
  `bench${QUICK ? ' (quick)' : ''}, ${PAIRED} paired frames per source, on ${basename(clip10)}: ${cpus().length} cores, ${cpus()[0]?.model}, load ${load0.map((l) => l.toFixed(2)).join(' ')}`,
);
const chromium = await inChromium(clip10, clip30);
const node = await inNode(clip10);
const load1 = loadavg();
const table = tables(chromium, node);
const minutes = (performance.now() - t0) / 60_000;
console.log(`\n${table}\n`);
console.log(
  `Load average at start ${load0.map((l) => l.toFixed(2)).join(' ')}, at end ${load1.map((l) => l.toFixed(2)).join(' ')}; ${minutes.toFixed(1)} min; off-origin requests: ${chromium.offOrigin.length}`,
);
mkdirSync(dirname(values.json), { recursive: true });
writeFileSync(
  values.json,
  `${JSON.stringify(
    {
      when: new Date().toISOString(),
      quick: QUICK,
      pairedFrames: PAIRED,
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, loadStart: load0, loadEnd: load1 },
      clip: basename(clip10),
      warmupFrames: WARMUP,
      camera: chromium.camera,
      decoded: chromium.decoded,
      offOrigin: chromium.offOrigin,
      results: chromium.results,
      node,
      table,
    },
    null,
    2,
  )}\n`,
);
console.log(`JSON: ${values.json}`);
if (chromium.offOrigin.length) process.exitCode = 1;
