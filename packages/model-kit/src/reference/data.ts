import * as tf from "@tensorflow/tfjs";
import { assertRank } from "./util.ts";

/** Column means and population stds; a column whose values are all equal gets std exactly 1. */
export function fitStandardizer(x: tf.Tensor): { mean: tf.Tensor1D; std: tf.Tensor1D } {
  assertRank(x, 2, "x");
  return tf.tidy(() => {
    const mean = tf.mean(x, 0);
    const std = tf.sqrt(tf.mean(tf.square(tf.sub(x, mean)), 0));
    const constant = tf.equal(tf.max(x, 0), tf.min(x, 0));
    return { mean: mean as tf.Tensor1D, std: tf.where(constant, tf.onesLike(std), std) as tf.Tensor1D };
  });
}

/** (x - mean) / std. */
export function standardize(x: tf.Tensor, s: { mean: tf.Tensor; std: tf.Tensor }): tf.Tensor2D {
  return tf.tidy(() => tf.div(tf.sub(x, s.mean), s.std) as tf.Tensor2D);
}

/** Contiguous folds in order, the first n % k folds one longer. */
export function kFoldIndices(n: number, k: number): { train: number[]; val: number[] }[] {
  if (!Number.isInteger(n) || !Number.isInteger(k)) throw new RangeError("n and k must be integers");
  if (k < 2 || k > n) throw new RangeError(`k must be in [2, n]; got k = ${k}, n = ${n}`);
  const folds: { train: number[]; val: number[] }[] = [];
  const base = Math.floor(n / k);
  const extra = n % k;
  let start = 0;
  for (let f = 0; f < k; f++) {
    const len = base + (f < extra ? 1 : 0);
    const val: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < n; i++) (i >= start && i < start + len ? val : train).push(i);
    folds.push({ train, val });
    start += len;
  }
  return folds;
}

function checkLabels(yTrue: readonly number[], yPred: readonly number[], numClasses?: number): void {
  if (yTrue.length !== yPred.length) throw new RangeError(`yTrue has ${yTrue.length} labels, yPred ${yPred.length}`);
  for (const y of [...yTrue, ...yPred]) {
    if (!Number.isInteger(y) || y < 0 || (numClasses !== undefined && y >= numClasses)) {
      throw new RangeError(`label ${y} is not an integer in [0, ${numClasses ?? "∞"})`);
    }
  }
}

/** rows = true class, columns = predicted class. */
export function confusionMatrix(yTrue: number[], yPred: number[], numClasses: number): number[][] {
  if (!Number.isInteger(numClasses) || numClasses < 1) throw new RangeError("numClasses must be a positive integer");
  checkLabels(yTrue, yPred, numClasses);
  const m = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  yTrue.forEach((t, i) => {
    const row = m[t] as number[];
    const p = yPred[i] as number;
    row[p] = (row[p] as number) + 1;
  });
  return m;
}

/** Precision, recall and F1 of one class; each 0 where its denominator is 0. */
export function precisionRecallF1(yTrue: number[], yPred: number[], positive: number): { precision: number; recall: number; f1: number } {
  checkLabels(yTrue, yPred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  yTrue.forEach((t, i) => {
    const p = yPred[i];
    if (p === positive && t === positive) tp++;
    else if (p === positive) fp++;
    else if (t === positive) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Inverted dropout: keep where u >= p and scale by 1/(1-p); identity when not training or p = 0. */
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): tf.Tensor {
  if (!(p >= 0 && p < 1)) throw new RangeError(`p must be in [0, 1), got ${p}`);
  if (!tf.util.arraysEqual(x.shape, u.shape)) throw new RangeError("u must have x's shape");
  if (!training || p === 0) return tf.clone(x);
  return tf.tidy(() => tf.where(tf.greaterEqual(u, p), tf.div(x, 1 - p), tf.zerosLike(x)));
}
