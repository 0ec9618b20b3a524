/**
 * `npx tsx tests/tools/bench/camera-frames.ts [--frames 30] [--rounds 2]`:
 * the focused measurement behind the README's "Camera frames vs decoded
 * frames". In one headless Chromium with the fake camera playing the bench
 * clip at 30 fps, per engine: (1) the bare loop on decoded frames with the
 * camera closed and (2) every frame kind of frame-kinds.ts, frame by frame
 * with the camera open, in alternating blocks. Prints the medians of the
 * per-frame ratios against the app's own grab (`bitmap`) and against the
 * same pixels made from RGBA bytes (`rgba-bitmap`), and the camera's own
 * cost (decoded frames, camera open ÷ closed). Writes
 * test-results/camera-frames.json. A script, not a test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import { fakeCameraArgs } from '../../browser/live-coach-page.ts';
import { launchSharedChromium } from '../../support/chromium.ts';
import { openOfflineContext } from '../../support/offline-browser.ts';
import { PROJECT_ROOT, startDevServer } from '../../support/vite-server.ts';
import { cameraClip } from '../make-camera-clip.ts';
import { percentile } from '../soak/soak-run.ts';
import type { LoopRun } from './bench-page.ts';
import { FRAME_KINDS, type FrameKindsRun } from './frame-kinds.ts';
import { retimedClip } from './y4m-retime.ts';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '2' },
    /** Comma-separated frame kinds (frame-kinds.ts); `bitmap`, `rgba-bitmap` and `decoded` are always run. */
    kinds: { type: 'string', default: FRAME_KINDS.join(',') },
    clip: { type: 'string', default: 'child-hips-not-back-side-female' },
    json: { type: 'string', default: join(PROJECT_ROOT, 'test-results/camera-frames.json') },
  },
});
const FRAMES = Number(values.frames);
const ROUNDS = Number(values.rounds);
/** First frames of each block load caches and run the detector: left out. */
const WARMUP = 3;
const ASKED = new Set([...values.kinds.split(','), 'bitmap', 'rgba-bitmap', 'decoded']);
const KINDS = FRAME_KINDS.filter((k) => ASKED.has(k));

const SPECS: { label: string; spec: EngineSpec }[] = [
  { label: 'MediaPipe lite (CPU)', spec: { engine: 'mediapipe', model: 'lite', delegate: 'CPU' } },
  {
    label: 'TF.js BlazePose lite (wasm)',
    spec: { engine: 'tfjs', model: 'blazepose-lite', backend: 'wasm' },
  },
];

const med = (xs: number[]) => percentile(xs, 50) ?? Number.NaN;
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');

/** Prep + model per frame of one kind, warm-up left out. */
function totals(run: FrameKindsRun, kind: keyof FrameKindsRun['kinds']): number[] {
  const k = run.kinds[kind];
  if (!k) return [];
  return k.modelMs.map((m, i) => m + k.prepMs[i]!).slice(WARMUP);
}

/** Median over frames of kind ÷ base, frame by frame, pooled over blocks. */
function pairedRatio(
  runs: FrameKindsRun[],
  kind: keyof FrameKindsRun['kinds'],
  base: keyof FrameKindsRun['kinds'],
) {
  const ratios = runs.flatMap((r) => {
    const a = totals(r, kind);
    const b = totals(r, base);
    return a.map((x, i) => x / b[i]!);
  });
  return med(ratios);
}

const load0 = loadavg();
const clip10 = await cameraClip(values.clip);
const clip30 = retimedClip(clip10, 30);
console.log(
  `camera frames on ${clip30}: ${cpus().length} cores, load ${load0.map((l) => l.toFixed(2)).join(' ')}`,
);
const server = await startDevServer();
const browser = await launchSharedChromium(fakeCameraArgs(clip30));
const rows: string[] = [];
const out: Record<string, { closed: LoopRun[]; open: FrameKindsRun[] }> = {};
try {
  const context = await openOfflineContext(browser, server.url);
  const page = await context.context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${server.url}/tests/tools/bench/bench-page.html`, { timeout: 300_000 });
  await page.waitForFunction(() => window.bench?.ready === true, undefined, { timeout: 300_000 });
  const url = `/${relative(PROJECT_ROOT, clip10)}`;
  const decoded = await page.evaluate(([u]) => window.bench.loadDecoded(u, 60, 1), [url] as const);
  console.log(`decoded ${decoded.frames} frames ${decoded.size}`);
  for (const { label, spec } of SPECS) {
    const o: (typeof out)[string] = { closed: [], open: [] };
    out[label] = o;
    for (let round = 0; round < ROUNDS; round++) {
      await page.evaluate(() => window.bench.closeCamera());
      o.closed.push(
        await page.evaluate(([s, n]) => window.bench.decoded(s, 'bare', n), [
          spec,
          FRAMES,
        ] as const),
      );
      const cam = await page.evaluate(() => window.bench.openCamera());
      const run = await page.evaluate(([s, n, k]) => window.bench.frameKinds(s, n, [...k]), [
        spec,
        FRAMES,
        KINDS,
      ] as const);
      o.open.push(run);
      console.log(
        `${label} round ${round + 1}: camera ${cam.size}; ${KINDS.map((k) => `${k} ${f0(med(totals(run, k)))}`).join(', ')} ms`,
      );
    }
    await page.evaluate(() => window.bench.closeCamera());
    const closed = med(o.closed.flatMap((r) => r.modelMs.slice(WARMUP)));
    const openDecoded = med(o.open.flatMap((r) => totals(r, 'decoded')));
    const found = (k: keyof FrameKindsRun['kinds']) => {
      const fs = o.open.flatMap((r) => (r.kinds[k]?.found ?? []).slice(WARMUP));
      return fs.filter(Boolean).length / fs.length;
    };
    rows.push(
      `| ${label} | ${o.open[0]?.frameSize} | ${KINDS.map((k) => `${f0(med(o.open.flatMap((r) => totals(r, k))))}`).join(' / ')} | ${KINDS.filter(
        (k) => k !== 'bitmap',
      )
        .map((k) => f2(pairedRatio(o.open, k, 'bitmap')))
        .join(
          ' / ',
        )} | ${f2(pairedRatio(o.open, 'bitmap', 'decoded'))} | ${f2(pairedRatio(o.open, 'bitmap', 'rgba-bitmap'))} | ${f0(closed)} → ${f0(openDecoded)} (${f2(openDecoded / closed)}) | ${KINDS.map((k) => f2(found(k))).join(' / ')} |`,
    );
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
const load1 = loadavg();
const table = [
  `Frame kinds: ${KINDS.join(' / ')}`,
  '',
  '| engine · model | camera | prep + model med per kind, ms | each kind ÷ bitmap, paired | bitmap ÷ decoded, paired | bitmap ÷ rgba-bitmap (same pixels), paired | decoded frames, camera closed → open, ms | person found per kind |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(`\n${table}\n`);
console.log(
  `Load average at start ${load0.map((l) => l.toFixed(2)).join(' ')}, at end ${load1.map((l) => l.toFixed(2)).join(' ')}`,
);
mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
writeFileSync(
  values.json,
  `${JSON.stringify({ when: new Date().toISOString(), machine: { cores: cpus().length, cpu: cpus()[0]?.model, loadStart: load0, loadEnd: load1 }, frames: FRAMES, rounds: ROUNDS, warmup: WARMUP, results: out, table }, null, 2)}\n`,
);
console.log(`JSON: ${values.json}`);
