/**
 * Logistic regression over hashed features, as V.2's context model is trained (train-context.ts;
 * session 12's short-comment experiment trained its model with the same code): AdaGrad, L2, the
 * mean of models trained on seeded shuffles (deterministic), then int8 weights with the smallest
 * dropped, encoded as the engine decodes them (model.ts).
 */
import { bytesToBase64, encodeSparse } from '../../src/screening/model.ts';
import { rng } from './train.ts';

const EPOCHS = 15;
const LR = 0.3;
const L2 = 1e-4;
/** Quantised weights of magnitude <= PRUNE are dropped: a smaller file to parse at every start, the same decisions. */
const PRUNE = 1;

export interface Example { x: number[]; y: number }
export interface Logistic { w: Float64Array; b: number }

/**
 * Models averaged per training: each learns from its own shuffle of the rows and the mean of their
 * weights is the model, one linear model of the same size (mean weights are mean log-odds). With one
 * shuffle, adding or dropping a single training comment moved the chosen block threshold by up to
 * 0.09 (0.50–0.59); averaged, the model is steadier and scored better out of fold (F1 0.821 against 0.810).
 */
const SHUFFLES = 5;

export function trainLogistic(rows: readonly Example[], bits: number): Logistic {
  const mean = trainOnce(rows, bits, 7);
  for (let s = 1; s < SHUFFLES; s++) {
    const m = trainOnce(rows, bits, 7 + 1000 * s);
    for (let j = 0; j < mean.w.length; j++) mean.w[j]! += m.w[j]!;
    mean.b += m.b;
  }
  for (let j = 0; j < mean.w.length; j++) mean.w[j]! /= SHUFFLES;
  mean.b /= SHUFFLES;
  return mean;
}

/** One model: AdaGrad over the rows in an order shuffled by `seed`. */
function trainOnce(rows: readonly Example[], bits: number, seed: number): Logistic {
  const w = new Float64Array(1 << bits);
  const g2 = new Float64Array(1 << bits);
  let b = 0;
  let gb = 1e-8;
  const order = rows.map((_, i) => i);
  const rand = rng(seed);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const i of order) {
      const { x, y } = rows[i]!;
      let z = b;
      for (const j of x) z += w[j]!;
      const g = 1 / (1 + Math.exp(-z)) - y;
      for (const j of x) {
        const gj = g + L2 * w[j]!;
        g2[j]! += gj * gj;
        w[j]! -= (LR * gj) / Math.sqrt(g2[j]! + 1e-8);
      }
      gb += g * g;
      b -= (LR * g) / Math.sqrt(gb);
    }
  }
  return { w, b };
}

/** The model's probability for one example. */
export function probability(m: Logistic, x: readonly number[]): number {
  let z = m.b;
  for (const j of x) z += m.w[j]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Each example scored by a model trained without it (`folds` folds, assigned by a seeded shuffle):
 * thresholds are chosen on these, not on a few hundred validation examples alone.
 */
export function outOfFoldScores(rows: readonly Example[], bits: number, folds: number): Float64Array {
  const fold = rows.map((_, i) => i % folds);
  const rand = rng(13);
  for (let i = fold.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [fold[i], fold[j]] = [fold[j]!, fold[i]!]; }
  const out = new Float64Array(rows.length);
  for (let k = 0; k < folds; k++) {
    const m = trainLogistic(rows.filter((_, i) => fold[i] !== k), bits);
    rows.forEach((r, i) => { if (fold[i] === k) out[i] = probability(m, r.x); });
  }
  return out;
}

/** int8 weights (weight = q × scale) with the smallest dropped, base64 as model.ts decodes them. */
export function quantise(m: Logistic): { q: Int8Array; scale: number; weights: string } {
  let max = 0;
  for (const v of m.w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const q = new Int8Array(m.w.length);
  for (let j = 0; j < q.length; j++) { const v = Math.round(m.w[j]! / scale); q[j] = Math.abs(v) <= PRUNE ? 0 : v; }
  return { q, scale, weights: bytesToBase64(encodeSparse(q)) };
}
