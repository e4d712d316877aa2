// Style: float64 JS sums of x and x² in one pass over dataSync(), then tiled statistics and a multiply by 1/std.
import * as tf from "@tensorflow/tfjs";

export function fitStandardizer(x: tf.Tensor2D): { mean: tf.Tensor1D; std: tf.Tensor1D } {
  const [n, d] = x.shape;
  const flat = x.dataSync();
  const sum = new Float64Array(d);
  const sumSq = new Float64Array(d);
  for (let i = 0; i < n * d; i++) {
    sum[i % d]! += flat[i]!;
    sumSq[i % d]! += flat[i]! * flat[i]!;
  }
  const mean = Array.from(sum, (s) => s / n);
  const std = mean.map((m, j) => {
    const variance = sumSq[j]! / n - m * m;
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  return { mean: tf.tensor1d(mean), std: tf.tensor1d(std) };
}

export function standardize(x: tf.Tensor2D, s: { mean: tf.Tensor1D; std: tf.Tensor1D }): tf.Tensor2D {
  return tf.tidy(() => {
    const m = x.shape[0];
    const mean = tf.tile(tf.reshape(s.mean, [1, -1]), [m, 1]);
    const inv = tf.tile(tf.reshape(tf.reciprocal(s.std), [1, -1]), [m, 1]);
    return tf.mul(tf.sub(x, mean), inv) as tf.Tensor2D;
  });
}
