import * as tf from "@tensorflow/tfjs";

// Column statistics in plain JavaScript (float64), results as float32 tensors. Constant columns are
// detected by comparing values, not by a variance of 0: float64 round-off leaves a tiny variance.
export async function fitStandardizer(x: tf.Tensor2D) {
  const rows = (await x.array()) as number[][];
  const [n, d] = x.shape;
  const mean = new Array<number>(d).fill(0);
  for (const r of rows) r.forEach((v, j) => (mean[j]! += v / n));
  const variance = new Array<number>(d).fill(0);
  for (const r of rows) r.forEach((v, j) => (variance[j]! += (v - mean[j]!) ** 2 / n));
  const constant = mean.map((_, j) => rows.every((r) => r[j] === rows[0]![j]));
  const std = variance.map((v, j) => (constant[j] ? 1 : Math.sqrt(v)));
  return { mean: tf.tensor1d(mean), std: tf.tensor1d(std) };
}

export function standardize(x: tf.Tensor2D, s: { mean: tf.Tensor1D; std: tf.Tensor1D }) {
  return x.sub(s.mean).div(s.std) as tf.Tensor2D;
}
