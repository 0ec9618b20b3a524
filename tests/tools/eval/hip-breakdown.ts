/**
 * `npx tsx tests/tools/eval/hip-breakdown.ts [--set dev] [--only id,id]`:
 * the floor-line hip height's error (core/features.ts, before the roller's
 * side-on gate; measure − truth, thigh lengths) per clip,
 * engine, view and camera height/pitch, with the same measure taken on the
 * true joints (geometry error, no landmark error) beside it (issue 14
 * diagnosis; dev set only while tuning). Prints one row per clip and engine.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { computeFeatures } from '../../../src/core/features.ts';
import { loadCorpusScenes, streamFile, truthFile } from '../corpus/corpus-files.ts';
import { decodeStream } from '../corpus/stream-codec.ts';
import { parseToolArgs } from '../scenes/cli-args.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import { decodeFrame } from '../streams/landmark-stream.ts';
import { RECORDED_ENGINES } from '../streams/record-clip.ts';

const args = parseToolArgs(process.argv.slice(2), ['set'], []);
const set = args.values.get('set') ?? 'dev';
if (set === 'test') throw new Error('Never diagnose on the test set');
const mean = (v: number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : Number.NaN);
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

console.log(
  'clip\tengine\tview\tcamH\tpitch\tn\tbias\tmae\ttrueJointBias\ttrueJointMae\tmeanTruth',
);
for (const c of loadCorpusScenes()) {
  if (c.meta.split !== set || c.scene.exercise !== 'foam-roller') continue;
  if (args.only && !args.only.includes(c.scene.id)) continue;
  let truth: ClipTruth;
  try {
    truth = JSON.parse(gunzipSync(readFileSync(truthFile(c.scene.id))).toString('utf8'));
  } catch {
    continue;
  }
  if (truth.sceneHash !== c.hash) continue;
  const cam = c.scene.camera;
  const dx = cam.target[0] - cam.position[0];
  const dz = cam.target[2] - cam.position[2];
  const pitch = (Math.atan2(cam.target[1] - cam.position[1], Math.hypot(dx, dz)) * 180) / Math.PI;
  // The measure on the true joints: lowest true ankle over mid-hip, over the longer true thigh.
  const trueJoint = truth.frames.map((t) => {
    const px = (p: [number, number]) => ({
      x: p[0] * truth.imageWidth,
      y: p[1] * truth.imageHeight,
    });
    const j = t.joints;
    const hipY = (px(j.left_hip).y + px(j.right_hip).y) / 2;
    const floor = Math.max(px(j.left_ankle).y, px(j.right_ankle).y);
    const th = Math.max(
      ...(['left', 'right'] as const).map((s) => {
        const h = px(j[`${s}_hip`]);
        const k = px(j[`${s}_knee`]);
        return Math.hypot(h.x - k.x, h.y - k.y);
      }),
    );
    return (floor - hipY) / th - t.hipHeightThighs;
  });
  for (const engine of RECORDED_ENGINES) {
    let stream: ReturnType<typeof decodeStream>;
    try {
      const file = streamFile(c.scene.id, engine);
      stream = decodeStream(readFileSync(file), file);
    } catch {
      continue;
    }
    if (stream.sceneHash !== c.hash) continue;
    const errs: number[] = [];
    const tj: number[] = [];
    const tr: number[] = [];
    stream.frames.forEach((f, i) => {
      const frame = f.u ? decodeFrame(stream, f) : null;
      if (!frame) return;
      const hip = computeFeatures(frame).hipHeightThighs;
      if (hip === undefined) return;
      errs.push(hip - truth.frames[i]!.hipHeightThighs);
      tj.push(trueJoint[i]!);
      tr.push(truth.frames[i]!.hipHeightThighs);
    });
    console.log(
      [
        c.scene.id,
        engine.replace('/lite', ''),
        c.meta.view,
        f2(c.meta.cameraHeightM ?? Number.NaN),
        pitch.toFixed(0),
        errs.length,
        f2(mean(errs)),
        f2(mean(errs.map(Math.abs))),
        f2(mean(tj)),
        f2(mean(tj.map(Math.abs))),
        f2(mean(tr)),
      ].join('\t'),
    );
  }
}
