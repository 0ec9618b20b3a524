/**
 * `npm run train:rotation-window [-- --folds K] [--window MS] [--hidden 64,32] [--epochs N]`:
 * trains the windowed torso-rotation network (src/core/torso-rotation-window.ts)
 * on the corpus's **dev** set only (issue 14): the seated twists and the
 * negatives, every recorded engine, each clip also mirrored (left and right
 * swapped, the rotation negated) and also taken at every 2nd and 5th frame
 * (`--strides 1,2,5`: 5 and 2 analysed frames a second, so the window holds
 * what a slower device gives it), on frames where the true trunk is upright
 * enough for a turn about the vertical to mean something.
 * With `--folds K` it first scores K-fold cross-validation by clip (each
 * clip's frames held out together) beside the per-frame network of
 * torso-rotation.ts on the same frames, per engine and view, so a choice of
 * window or size is made on dev figures. Then it trains on all the dev clips
 * and writes src/core/torso-rotation-window-model.ts. The test set is never
 * read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LandmarkSmoother } from '../../src/core/landmark-smoother.ts';
import { LANDMARK_NAMES } from '../../src/core/landmarks.ts';
import type { PoseFrame } from '../../src/core/pose-frame.ts';
import { estimateTorsoRotation, forward } from '../../src/core/torso-rotation.ts';
import { TORSO_ROTATION_MODEL } from '../../src/core/torso-rotation-model.ts';
import {
  frameRotationInputs,
  rotationFromOutput,
  type WindowRotationModel,
  windowInputs,
} from '../../src/core/torso-rotation-window.ts';
import { PROJECT_ROOT } from '../support/vite-server.ts';
import { angleErrorDeg, meanAbs, percentile } from './eval/metrics.ts';
import { corpusRuns } from './eval/strict-eval.ts';
import { trainMlp } from './rotation/train-mlp.ts';
import { parseToolArgs } from './scenes/cli-args.ts';
import { decodeFrame } from './streams/landmark-stream.ts';

const MODEL_FILE = join(PROJECT_ROOT, 'src/core/torso-rotation-window-model.ts');
const HELD_OUT_FILE = join(PROJECT_ROOT, 'test-results/rotation/held-out.json');
const ENGINES = ['mediapipe-lite', 'tfjs-blazepose-lite'];
/** Frames whose true trunk leans past this are lying or folded: no turn about the vertical to learn. */
const MAX_TRUE_LEAN_DEG = 60;

/** The landmark index of each point's other side (nose, say, maps to itself). */
const MIRROR = LANDMARK_NAMES.map((n) => {
  const other = n.startsWith('left_')
    ? n.replace('left_', 'right_')
    : n.startsWith('right_')
      ? n.replace('right_', 'left_')
      : n;
  return LANDMARK_NAMES.indexOf(other as (typeof LANDMARK_NAMES)[number]);
});

/** The frame as a camera would see the mirror-image person: x flipped, sides swapped. */
function mirrorFrame(frame: PoseFrame): PoseFrame {
  const landmarks = MIRROR.map((j) => {
    const p = frame.landmarks[j];
    return p ? { ...p, x: 1 - p.x } : null;
  });
  const world = frame.world
    ? MIRROR.map((j) => {
        const w = frame.world![j];
        return w ? { ...w, x: -w.x } : null;
      })
    : undefined;
  return { ...frame, landmarks, ...(world ? { world } : {}) };
}

interface Row {
  clip: string;
  engine: string;
  view: string;
  mirrored: boolean;
  /** Every how many recorded frames this copy of the clip took (1: the recorded 10 a second). */
  stride: number;
  x: number[];
  y: [number, number];
  rotationDeg: number;
  /** The per-frame network's estimate on the same smoothed frame (the baseline). */
  baselineDeg: number | undefined;
}

function clipRows(windowMs: number, strides: number[]): Row[] {
  const { runs } = corpusRuns('dev', ENGINES);
  const rows: Row[] = [];
  for (const run of runs) {
    if (run.scene.exercise !== 'seated-twist' && run.scene.exercise !== 'none') continue;
    for (const [mirrored, stride] of [false, true].flatMap((m) =>
      strides.map((s) => [m, s] as const),
    )) {
      const smoother = new LandmarkSmoother();
      let recent: { tMs: number; x: number[] }[] = [];
      run.stream.frames.forEach((f, i) => {
        // Every stride-th frame: a slower device analyses fewer frames, so the window holds fewer.
        if (i % stride !== 0) return;
        const truth = run.truth.frames[i];
        const tMs = f.t;
        recent = recent.filter((r) => r.tMs > tMs - windowMs);
        const raw = f.u ? decodeFrame(run.stream, f) : null;
        if (!raw || !truth) {
          smoother.markMissing(tMs);
          return;
        }
        const frame = smoother.apply({ ...(mirrored ? mirrorFrame(raw) : raw), tMs });
        const inputs = frameRotationInputs(frame);
        if (!inputs) return;
        recent.push({ tMs, x: inputs });
        if (truth.trunkLeanDeg > MAX_TRUE_LEAN_DEG) return;
        const rotationDeg = mirrored ? -truth.rotationDeg : truth.rotationDeg;
        const r = (rotationDeg * Math.PI) / 180;
        rows.push({
          clip: run.scene.id,
          engine: run.stream.engine,
          view: run.view,
          mirrored,
          stride,
          x: windowInputs(
            inputs,
            recent.map((e) => e.x),
          ),
          y: [Math.cos(r), Math.sin(r)],
          rotationDeg,
          baselineDeg: estimateTorsoRotation(TORSO_ROTATION_MODEL, frame),
        });
      });
    }
  }
  return rows;
}

function train(rows: Row[], hidden: number[], epochs: number, windowMs: number) {
  // Every other frame: neighbours at 10 fps are near copies, and it halves the time.
  const used = rows.filter((_, i) => i % 2 === 0);
  const model = trainMlp(
    used.map((r) => r.x),
    used.map((r) => r.y),
    { hidden, epochs, batch: 64, learningRate: 0.002, seed: 17 },
  );
  return { ...model, windowMs } satisfies WindowRotationModel;
}

function summary(label: string, errors: number[]): string {
  return `${label.padEnd(28)} MAE ${meanAbs(errors).toFixed(1).padStart(5)}°  p95 ${percentile(errors, 95).toFixed(1).padStart(5)}°  (${errors.length} frames)`;
}

/** Each clip's fold: clips in id order dealt round the folds, so a clip's frames stay together. */
function foldsOf(rows: Row[], folds: number): Map<string, number> {
  const clips = [...new Set(rows.map((r) => r.clip))].sort();
  return new Map(clips.map((c, i) => [c, i % folds]));
}

function crossValidate(
  rows: Row[],
  folds: number,
  hidden: number[],
  epochs: number,
  windowMs: number,
) {
  const foldOf = foldsOf(rows, folds);
  const scored: { row: Row; windowDeg: number }[] = [];
  for (let k = 0; k < folds; k++) {
    const model = train(
      rows.filter((r) => foldOf.get(r.clip) !== k),
      hidden,
      epochs,
      windowMs,
    );
    for (const row of rows)
      if (foldOf.get(row.clip) === k && !row.mirrored && row.stride === 1)
        scored.push({ row, windowDeg: rotationFromOutput(forward(model, row.x)) });
    console.log(`fold ${k + 1}/${folds} done`);
  }
  const groups = new Map<string, typeof scored>();
  for (const s of scored) {
    const twist = s.row.clip.startsWith('twist') ? 'twist' : 'negative';
    for (const key of [`${twist} all`, `${twist} ${s.row.engine}`, `${twist} ${s.row.view}`]) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(s);
    }
  }
  console.log(
    `\nCross-validated on dev (${folds} folds by clip, scored at the recorded rate), window ${windowMs} ms, hidden ${hidden.join('x')}:`,
  );
  for (const [key, group] of [...groups].sort()) {
    const withBaseline = group.filter((s) => s.row.baselineDeg !== undefined);
    console.log(
      `${summary(
        `${key} window`,
        group.map((s) => angleErrorDeg(s.windowDeg, s.row.rotationDeg)),
      )}   | per-frame: ${summary(
        '',
        withBaseline.map((s) => angleErrorDeg(s.row.baselineDeg!, s.row.rotationDeg)),
      )}`,
    );
  }
  return scored
    .filter((s) => s.row.clip.startsWith('twist'))
    .map((s) => angleErrorDeg(s.windowDeg, s.row.rotationDeg));
}

function main() {
  const args = parseToolArgs(
    process.argv.slice(2),
    ['folds', 'window', 'hidden', 'epochs', 'hold-out', 'strides'],
    ['no-write'],
  );
  const windowMs = Number(args.values.get('window') ?? 500);
  const hidden = (args.values.get('hidden') ?? '64,32').split(',').map(Number);
  const epochs = Number(args.values.get('epochs') ?? 20);
  const folds = Number(args.values.get('folds') ?? 0);
  const strides = (args.values.get('strides') ?? '1,2,5').split(',').map(Number);
  let rows = clipRows(windowMs, strides);
  console.log(
    `${rows.length} rows from the dev set (mirrored included), ${rows[0]?.x.length} inputs`,
  );
  const cv = folds > 1 ? crossValidate(rows, folds, hidden, epochs, windowMs) : undefined;
  if (args.flags.has('no-write')) return;
  // --hold-out K (of --folds, 4 by default): weights that never saw fold K's clips, so the
  // checkers' lines can be tried on those clips with an estimate as good as on unseen ones.
  // A tuning aid only: the committed weights are trained on every dev clip.
  const heldOut = args.values.get('hold-out');
  if (heldOut !== undefined) {
    const foldOf = foldsOf(rows, folds > 1 ? folds : 4);
    const kept = rows.filter((r) => foldOf.get(r.clip) !== Number(heldOut));
    const ids = [...foldOf].filter(([, k]) => k === Number(heldOut)).map(([c]) => c);
    mkdirSync(dirname(HELD_OUT_FILE), { recursive: true });
    writeFileSync(HELD_OUT_FILE, `${JSON.stringify({ heldOut: ids })}\n`);
    console.log(`held out (${ids.length} clips, listed in ${HELD_OUT_FILE}): ${ids.join(',')}`);
    rows = kept;
  }
  const model = train(rows, hidden, epochs, windowMs);
  const note = cv
    ? `Cross-validated on the dev twists (${folds} folds by clip): mean ${meanAbs(cv).toFixed(1)}°, p95 ${percentile(cv, 95).toFixed(1)}°.`
    : 'Not cross-validated (run with --folds).';
  const rounded = {
    windowMs: model.windowMs,
    layers: model.layers.map((l) => ({
      weights: l.weights.map((w) => Math.round(w * 1e5) / 1e5),
      bias: l.bias.map((b) => Math.round(b * 1e5) / 1e5),
    })),
  };
  writeFileSync(
    MODEL_FILE,
    `// Generated by \`npm run train:rotation-window\` (tests/tools/train-rotation-window.ts) from the\n` +
      `// corpus's dev twists and negatives, both engines, ${rows.length} rows. ${note}\n` +
      `import type { WindowRotationModel } from './torso-rotation-window.ts';\n\n` +
      `/** Cross-validated mean absolute error on the dev twists, degrees: the uncertainty reported with each estimate. */\n` +
      `export const TORSO_ROTATION_WINDOW_UNCERTAINTY_DEG = ${cv ? meanAbs(cv).toFixed(1) : 'Number.NaN'};\n\n` +
      `export const TORSO_ROTATION_WINDOW_MODEL: WindowRotationModel = ${JSON.stringify(rounded)};\n`,
  );
  console.log(`weights: ${MODEL_FILE}`);
}

if (process.argv[1]?.endsWith('train-rotation-window.ts')) main();
