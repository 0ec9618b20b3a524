/**
 * `npm run soak -- --minutes 30`: the live coach on a rendered 30 fps
 * fake-camera clip for that long, a GC'd sample of heap (page and pose
 * worker), tfjs tensors / wasm memory, DOM nodes and per-frame latency
 * every minute (soak-run.ts). Prints a table, writes JSON
 * (test-results/soak.json unless `--json <file>`), and exits 1 when the run
 * fails its targets: heap growth under 5 MB after a 2-minute warm-up (page
 * and worker each) and a flat p95 latency (judgeSoak).
 * Options: `--engine tfjs/blazepose-lite` (default mediapipe/lite),
 * `--every-s 60`, `--warmup-min 2`, `--clip <scene-id>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, startDevServer } from '../../support/vite-server.ts';
import { retimedClip } from '../bench/y4m-retime.ts';
import { cameraClip } from '../make-camera-clip.ts';
import { judgeSoak, runSoak, soakTable } from './soak-run.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    engine: { type: 'string', default: 'mediapipe/lite' },
    'every-s': { type: 'string', default: '60' },
    'warmup-min': { type: 'string', default: '2' },
    clip: { type: 'string', default: 'child-hips-not-back-side-female' },
    json: { type: 'string', default: join(PROJECT_ROOT, 'test-results/soak.json') },
  },
});
const minutes = Number(values.minutes);
const everyS = Number(values['every-s']);
const warmupS = Number(values['warmup-min']) * 60;
const MAX_GROWTH_MB = 5;

const clip = retimedClip(await cameraClip(values.clip), 30);
const server = await startDevServer();
const load0 = loadavg();
console.log(
  `soak: ${values.engine} on ${values.clip} at 30 fps for ${minutes} min, a sample every ${everyS} s (load ${load0.map((l) => l.toFixed(2)).join(' ')})`,
);
try {
  const result = await runSoak({
    serverUrl: server.url,
    clip,
    engine: values.engine,
    durationMs: minutes * 60_000,
    sampleEveryMs: everyS * 1000,
    onSample: (s) =>
      console.log(
        `  ${(s.tS / 60).toFixed(1)} min: page ${s.pageHeapMB.toFixed(2)} MB, worker ${s.workerHeapMB?.toFixed(2) ?? '—'} MB, DOM ${s.domNodes}, ${s.interval.poses} poses, p95 ${s.interval.latencyP95?.toFixed(0) ?? '—'} ms${s.live ? '' : ' (not live)'}`,
      ),
  });
  const verdict = judgeSoak(result.samples, warmupS, MAX_GROWTH_MB);
  const load1 = loadavg();
  console.log(`\n${soakTable(result.samples)}\n`);
  console.log(
    `After the ${warmupS / 60}-min warm-up: page heap ${verdict.pageGrowthMB.toFixed(2)} MB (${verdict.pageSlopeMBPerMin.toFixed(3)} MB/min), worker ${verdict.workerGrowthMB?.toFixed(2) ?? '—'} MB (${verdict.workerSlopeMBPerMin?.toFixed(3) ?? '—'} MB/min), DOM ${verdict.domSlopePerMin.toFixed(1)} nodes/min; p95 latency median ${verdict.p95MedianMs?.toFixed(0)} ms, fitted rise ${verdict.p95RiseMs.toFixed(0)} ms.`,
  );
  console.log(
    `heap < ${MAX_GROWTH_MB} MB: ${verdict.heapOk ? 'PASS' : 'FAIL'}; p95 flat (rise ≤ ¼ of its median): ${verdict.p95Flat ? 'PASS' : 'FAIL'}; left the live stage: ${result.samples.some((s) => !s.live) ? 'yes' : 'no'}; off-origin requests: ${result.offOrigin.length}; page errors: ${result.pageErrors.length}`,
  );
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(
    values.json,
    `${JSON.stringify(
      {
        when: new Date().toISOString(),
        machine: { cores: cpus().length, cpu: cpus()[0]?.model, loadStart: load0, loadEnd: load1 },
        minutes,
        clip: values.clip,
        warmupS,
        maxGrowthMB: MAX_GROWTH_MB,
        ...result,
        verdict,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`JSON: ${values.json}`);
  const ok =
    verdict.pass &&
    result.offOrigin.length === 0 &&
    result.samples.every((s) => s.live) &&
    result.pageErrors.length === 0;
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.close();
}
