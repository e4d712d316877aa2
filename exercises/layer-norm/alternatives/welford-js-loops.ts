// JS loops over arraySync() in float64 numbers, mean and variance in one pass with Welford's update.
import * as tf from "@tensorflow/tfjs";

export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): tf.Tensor2D {
  const g = gamma.arraySync();
  const b = beta.arraySync();
  const out = x.arraySync().map((row) => {
    let mean = 0;
    let m2 = 0;
    row.forEach((v, k) => {
      const delta = v - mean;
      mean += delta / (k + 1);
      m2 += delta * (v - mean);
    });
    const inv = 1 / Math.sqrt(m2 / row.length + eps);
    return row.map((v, k) => g[k]! * (v - mean) * inv + b[k]!);
  });
  return tf.tensor2d(out, x.shape);
}
