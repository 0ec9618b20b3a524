/**
 * A small multilayer perceptron trainer in plain TypeScript (ReLU hidden
 * layers, linear output, mean squared error, Adam), enough for the
 * torso-rotation network: no autograd needed, deterministic from its seed.
 * The trained layers run in the app through src/core/torso-rotation.ts.
 */
import type { DenseLayer, RotationModel } from '../../../src/core/torso-rotation.ts';
import { prng } from './prng.ts';

export interface TrainOptions {
  hidden: number[];
  epochs: number;
  batch: number;
  learningRate: number;
  seed: number;
  /** Called after each epoch with the mean loss. */
  onEpoch?: (epoch: number, loss: number) => void;
}

interface Layer {
  w: Float64Array;
  b: Float64Array;
  nIn: number;
  nOut: number;
  // Adam moments and gradient accumulators.
  gw: Float64Array;
  gb: Float64Array;
  mw: Float64Array;
  vw: Float64Array;
  mb: Float64Array;
  vb: Float64Array;
}

export function trainMlp(xs: number[][], ys: number[][], o: TrainOptions): RotationModel {
  const rand = prng(o.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const sizes = [xs[0]!.length, ...o.hidden, ys[0]!.length];
  const layers: Layer[] = sizes.slice(1).map((nOut, i) => {
    const nIn = sizes[i]!;
    const w = new Float64Array(nIn * nOut).map(() => gauss() * Math.sqrt(2 / nIn));
    const z = () => new Float64Array(nIn * nOut);
    const zb = () => new Float64Array(nOut);
    return { w, b: zb(), nIn, nOut, gw: z(), gb: zb(), mw: z(), vw: z(), mb: zb(), vb: zb() };
  });
  const acts = sizes.map((n) => new Float64Array(n));
  const deltas = sizes.map((n) => new Float64Array(n));
  const order = xs.map((_, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let total = 0;
    for (let start = 0; start < order.length; start += o.batch) {
      const end = Math.min(order.length, start + o.batch);
      for (const l of layers) {
        l.gw.fill(0);
        l.gb.fill(0);
      }
      for (let k = start; k < end; k++) {
        const idx = order[k]!;
        acts[0]!.set(xs[idx]!);
        layers.forEach((l, li) => {
          const a = acts[li]!;
          const out = acts[li + 1]!;
          for (let j = 0; j < l.nOut; j++) out[j] = l.b[j]!;
          for (let i = 0; i < l.nIn; i++) {
            const ai = a[i]!;
            if (ai === 0) continue;
            for (let j = 0; j < l.nOut; j++) out[j]! += ai * l.w[i * l.nOut + j]!;
          }
          if (li < layers.length - 1)
            for (let j = 0; j < l.nOut; j++) out[j] = Math.max(0, out[j]!);
        });
        const y = ys[idx]!;
        const last = layers.length;
        const outDelta = deltas[last]!;
        for (let j = 0; j < y.length; j++) {
          const e = acts[last]![j]! - y[j]!;
          total += e * e;
          outDelta[j] = (2 * e) / y.length;
        }
        for (let li = layers.length - 1; li >= 0; li--) {
          const l = layers[li]!;
          const a = acts[li]!;
          const d = deltas[li + 1]!;
          const dPrev = deltas[li]!;
          dPrev.fill(0);
          for (let j = 0; j < l.nOut; j++) l.gb[j]! += d[j]!;
          for (let i = 0; i < l.nIn; i++) {
            const ai = a[i]!;
            let back = 0;
            for (let j = 0; j < l.nOut; j++) {
              l.gw[i * l.nOut + j]! += ai * d[j]!;
              back += l.w[i * l.nOut + j]! * d[j]!;
            }
            // ReLU derivative of the layer below (the input layer has none).
            dPrev[i] = li > 0 && ai <= 0 ? 0 : back;
          }
        }
      }
      step++;
      const n = end - start;
      const b1 = 0.9;
      const b2 = 0.999;
      const lr = (o.learningRate * Math.sqrt(1 - b2 ** step)) / (1 - b1 ** step);
      const adam = (p: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array) => {
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]! / n;
          m[i] = b1 * m[i]! + (1 - b1) * gi;
          v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
          p[i]! -= (lr * m[i]!) / (Math.sqrt(v[i]!) + 1e-8);
        }
      };
      for (const l of layers) {
        adam(l.w, l.gw, l.mw, l.vw);
        adam(l.b, l.gb, l.mb, l.vb);
      }
    }
    o.onEpoch?.(epoch + 1, total / order.length);
  }
  const round = (a: Float64Array) => Array.from(a, (x) => Number(x.toFixed(5)));
  return { layers: layers.map((l): DenseLayer => ({ weights: round(l.w), bias: round(l.b) })) };
}
