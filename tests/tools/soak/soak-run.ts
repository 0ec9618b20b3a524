/**
 * One soak run: the real live coach (tests/browser/pages/live-coach-harness.html:
 * camera → PoseLoopController → pose worker → session script → cues,
 * overlay, ring, captions) in headless Chromium on a fake camera playing a
 * rendered clip at 30 fps, sampled every `sampleEveryMs` after a forced GC
 * (CDP `HeapProfiler.collectGarbage`, on the page and on the pose worker):
 * JS heap of both, tfjs tensors and wasm memory in the worker where they
 * are reachable, DOM nodes (CDP `Memory.getDOMCounters`), and the latency
 * of every pose that came back (frame grab → pose on the page) and its
 * model time, read off the worker's messages by a wrapper the page gets
 * before any script (no app code is changed for it).
 * Used by `npm run soak` (tests/tools/soak/soak.ts) and the short CI
 * version (tests/browser/soak.test.ts).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { fakeCameraArgs, HARNESS, reachLive } from '../../browser/live-coach-page.ts';
import { launchSharedChromium } from '../../support/chromium.ts';
import { type OfflineBrowser, openOfflineContext } from '../../support/offline-browser.ts';

export interface SoakSample {
  /** Seconds since coaching went live. */
  tS: number;
  pageHeapMB: number;
  /** Undefined when the worker could not be reached over CDP. */
  workerHeapMB?: number;
  /** tfjs tensors alive in the worker (tfjs engines only). */
  tensors?: number;
  /** The tfjs wasm backend's memory, MB (tfjs wasm only; MediaPipe keeps its module out of reach). */
  wasmMB?: number;
  domNodes: number;
  jsListeners: number;
  /** Poses that came back since the run started. */
  poses: number;
  /** Poses in this interval and their latency (grab → pose on the page) and model time, ms. */
  interval: { poses: number; latencyP50?: number; latencyP95?: number; modelP50?: number };
  /** Still in the live stage (the session did not end on its own). */
  live: boolean;
}

export interface SoakOptions {
  serverUrl: string;
  /** A .y4m clip for the fake camera (30 fps: tests/tools/bench/y4m-retime.ts). */
  clip: string;
  /** Engine setting, e.g. `mediapipe/lite`, `tfjs/blazepose-lite`. */
  engine: string;
  durationMs: number;
  sampleEveryMs: number;
  onSample?: (s: SoakSample) => void;
}

export interface SoakResult {
  engine: string;
  samples: SoakSample[];
  /** Requests that tried to leave the origin (must be none). */
  offOrigin: string[];
  pageErrors: string[];
  /** How the live stage was reached: on its own after setup, or by "start now". */
  reached: 'auto' | 'manual';
}

/** Percentile of a sample (nearest rank), undefined when empty. */
export function percentile(xs: readonly number[], p: number): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Least-squares slope of y against x (NaN with fewer than two distinct x). */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return Number.NaN;
  const mx = xs.slice(0, n).reduce((a, b) => a + b, 0) / n;
  const my = ys.slice(0, n).reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den > 0 ? num / den : Number.NaN;
}

/**
 * Theil–Sen slope: the median of the slopes between every pair of points
 * (distinct x). One odd sample (a GC that left a little more behind) moves
 * it far less than a least-squares fit. NaN with fewer than two distinct x.
 */
export function robustSlope(xs: readonly number[], ys: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++)
      if (xs[j] !== xs[i]) slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
  return percentile(slopes, 50) ?? Number.NaN;
}

/** Installed before any page script: every `pose` message a worker posts is timed on arrival. */
function recordPoses() {
  const w = window as unknown as { __soakPoses: [number, number][] };
  w.__soakPoses = [];
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent) => {
        const d = e.data as { type?: string; tMs?: number; inferenceMs?: number } | null;
        if (d?.type === 'pose' && typeof d.tMs === 'number')
          w.__soakPoses.push([performance.now() - d.tMs, d.inferenceMs ?? 0]);
      });
    }
  };
}

/** CDP into the pose worker through the page's session (non-flattened auto-attach). */
class WorkerProbe {
  private sessionId: string | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (r: { result?: unknown; error?: unknown }) => void>();

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker' && e.targetInfo.url.includes('pose-worker'))
        this.sessionId = e.sessionId;
    });
    cdp.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId === this.sessionId) this.sessionId = undefined;
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== this.sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (m.id !== undefined) this.waiting.get(m.id)?.(m);
      if (m.id !== undefined) this.waiting.delete(m.id);
    });
  }

  async start() {
    await this.cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  }

  get attached() {
    return this.sessionId !== undefined;
  }

  /** One CDP command in the worker; undefined when it is gone or does not answer in 20 s. */
  async send<T>(method: string, params: object = {}): Promise<T | undefined> {
    const sessionId = this.sessionId;
    if (!sessionId) return undefined;
    const id = this.nextId++;
    const answer = new Promise<{ result?: unknown; error?: unknown } | undefined>((resolve) => {
      this.waiting.set(id, resolve);
      setTimeout(() => resolve(undefined), 20_000);
    });
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const m = await answer;
    return m && !m.error ? (m.result as T) : undefined;
  }
}

const MB = 1024 * 1024;

/** What the worker's tfjs holds (its engine sits on `globalThis._tfengine`); nulls when not tfjs. */
const TFJS_PROBE = `(() => {
  const e = globalThis._tfengine;
  if (!e) return JSON.stringify(null);
  const heap = e.backendInstance && e.backendInstance.wasm && e.backendInstance.wasm.HEAPU8;
  return JSON.stringify({ tensors: e.state.numTensors, wasmBytes: heap ? heap.byteLength : null });
})()`;

async function sample(
  page: Page,
  cdp: CDPSession,
  worker: WorkerProbe,
  t0: number,
  totals: { poses: number },
): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const pageHeap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  let workerHeapMB: number | undefined;
  let tensors: number | undefined;
  let wasmMB: number | undefined;
  if (worker.attached) {
    await worker.send('HeapProfiler.collectGarbage');
    const h = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
    workerHeapMB = h ? h.usedSize / MB : undefined;
    const tf = await worker.send<{ result: { value?: string } }>('Runtime.evaluate', {
      expression: TFJS_PROBE,
      returnByValue: true,
    });
    const v = tf?.result.value
      ? (JSON.parse(tf.result.value) as { tensors: number; wasmBytes: number | null } | null)
      : null;
    if (v) {
      tensors = v.tensors;
      wasmMB = v.wasmBytes === null ? undefined : v.wasmBytes / MB;
    }
  }
  const poses = await page.evaluate(() => {
    const w = window as unknown as { __soakPoses: [number, number][] };
    return w.__soakPoses.splice(0);
  });
  totals.poses += poses.length;
  const live = await page.getByTestId('pause').isVisible();
  return {
    tS: (performance.now() - t0) / 1000,
    pageHeapMB: pageHeap.usedSize / MB,
    workerHeapMB,
    tensors,
    wasmMB,
    domNodes: dom.nodes,
    jsListeners: dom.jsEventListeners,
    poses: totals.poses,
    interval: {
      poses: poses.length,
      latencyP50: percentile(
        poses.map((p) => p[0]),
        50,
      ),
      latencyP95: percentile(
        poses.map((p) => p[0]),
        95,
      ),
      modelP50: percentile(
        poses.map((p) => p[1]),
        50,
      ),
    },
    live,
  };
}

/** Runs the live coach on the clip for `durationMs`, sampling as it goes. */
export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const browser: Browser = await launchSharedChromium(fakeCameraArgs(o.clip));
  let context: OfflineBrowser | undefined;
  try {
    context = await openOfflineContext(browser, o.serverUrl, {
      viewport: { width: 1280, height: 860 },
    });
    const page = await context.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript((engine) => {
      localStorage.setItem(
        'spinewise.coach-settings',
        JSON.stringify({ engine, voice: { enabled: false } }),
      );
    }, o.engine);
    await page.addInitScript(recordPoses);
    const cdp = await context.context.newCDPSession(page);
    const worker = new WorkerProbe(cdp);
    await worker.start();
    await page.goto(`${o.serverUrl}${HARNESS}`, { timeout: 300_000 });
    await page.getByTestId('start-camera').waitFor({ timeout: 120_000 });
    await page.getByTestId('choose-childs-pose').click();
    await page.getByTestId('start-camera').click();
    const reached = await reachLive(page, 60_000);
    const t0 = performance.now();
    const totals = { poses: 0 };
    // Whatever came before going live (setup) is not part of the run.
    await page.evaluate(() => {
      (window as unknown as { __soakPoses: unknown[] }).__soakPoses.length = 0;
    });
    const samples: SoakSample[] = [];
    const take = async () => {
      const s = await sample(page, cdp, worker, t0, totals);
      samples.push(s);
      o.onSample?.(s);
    };
    await take();
    for (let k = 1; k * o.sampleEveryMs <= o.durationMs; k++) {
      const wait = t0 + k * o.sampleEveryMs - performance.now();
      if (wait > 0) await page.waitForTimeout(wait);
      await take();
    }
    return { engine: o.engine, samples, offOrigin: context.offOrigin, pageErrors, reached };
  } finally {
    await context?.close();
    await browser.close();
  }
}

export interface SoakVerdict {
  /** Fitted growth over the run after warm-up, MB (slope × span). */
  pageGrowthMB: number;
  workerGrowthMB: number | undefined;
  pageSlopeMBPerMin: number;
  workerSlopeMBPerMin: number | undefined;
  domSlopePerMin: number;
  /** Fitted rise of the per-interval p95 latency over the run after warm-up, and the median p95, ms. */
  p95RiseMs: number;
  p95MedianMs: number | undefined;
  heapOk: boolean;
  p95Flat: boolean;
  pass: boolean;
}

/**
 * Judges a run: heap growth is the least-squares slope of the GC'd samples
 * taken after `warmupS`, times the span they cover (robust to one noisy
 * sample, unlike last − first); under `maxGrowthMB` for page and worker.
 * p95 latency is flat when the fitted slope of the per-interval p95 after
 * warm-up rises by no more than a quarter of their median over that span.
 */
export function judgeSoak(
  samples: SoakSample[],
  warmupS: number,
  maxGrowthMB: number,
): SoakVerdict {
  const after = samples.filter((s) => s.tS >= warmupS - 1);
  const min = after.map((s) => s.tS / 60);
  const span = min.length ? min[min.length - 1]! - min[0]! : 0;
  const pageSlope = slope(
    min,
    after.map((s) => s.pageHeapMB),
  );
  const withWorker = after.filter((s) => s.workerHeapMB !== undefined);
  const workerSlope =
    withWorker.length >= 2
      ? slope(
          withWorker.map((s) => s.tS / 60),
          withWorker.map((s) => s.workerHeapMB!),
        )
      : undefined;
  const domSlope = slope(
    min,
    after.map((s) => s.domNodes),
  );
  const withP95 = after.filter((s) => s.interval.latencyP95 !== undefined && s.tS > 0);
  const p95s = withP95.map((s) => s.interval.latencyP95!);
  const p95Slope = slope(
    withP95.map((s) => s.tS / 60),
    p95s,
  );
  const p95Span = withP95.length ? (withP95.at(-1)!.tS - withP95[0]!.tS) / 60 : 0;
  const p95Median = percentile(p95s, 50);
  const p95Rise = Number.isFinite(p95Slope) ? p95Slope * p95Span : 0;
  const pageGrowthMB = pageSlope * span;
  const workerGrowthMB = workerSlope === undefined ? undefined : workerSlope * span;
  const heapOk =
    Number.isFinite(pageGrowthMB) &&
    pageGrowthMB < maxGrowthMB &&
    workerGrowthMB !== undefined &&
    Number.isFinite(workerGrowthMB) &&
    workerGrowthMB < maxGrowthMB;
  const p95Flat = p95Median !== undefined && p95Rise <= p95Median / 4;
  return {
    pageGrowthMB,
    workerGrowthMB,
    pageSlopeMBPerMin: pageSlope,
    workerSlopeMBPerMin: workerSlope,
    domSlopePerMin: domSlope,
    p95RiseMs: p95Rise,
    p95MedianMs: p95Median,
    heapOk,
    p95Flat,
    pass: heapOk && p95Flat,
  };
}

const f = (x: number | undefined, d = 1) =>
  x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d);

/** The samples as a Markdown table. */
export function soakTable(samples: SoakSample[]): string {
  const rows = [
    '| t (min) | page heap MB | worker heap MB | tensors | wasm MB | DOM nodes | listeners | poses | latency p50 / p95 ms | model p50 ms | live |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of samples) {
    rows.push(
      `| ${f(s.tS / 60, 1)} | ${f(s.pageHeapMB, 2)} | ${f(s.workerHeapMB, 2)} | ${s.tensors ?? '—'} | ${f(s.wasmMB, 0)} | ${s.domNodes} | ${s.jsListeners} | ${s.interval.poses} | ${f(s.interval.latencyP50, 0)} / ${f(s.interval.latencyP95, 0)} | ${f(s.interval.modelP50, 0)} | ${s.live ? 'yes' : 'no'} |`,
    );
  }
  return rows.join('\n');
}
