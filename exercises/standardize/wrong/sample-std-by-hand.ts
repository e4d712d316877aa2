// A student's mistake: uses the sample std (N - 1).
// expect: mutant.sample-std
import * as tf from "@tensorflow/tfjs";

export function fitStandardizer(x: tf.Tensor2D): { mean: tf.Tensor1D; std: tf.Tensor1D } {
  return tf.tidy(() => {
    const mean = tf.mean(x, 0) as tf.Tensor1D;
    const std = tf.sqrt(tf.div(tf.sum(tf.square(tf.sub(x, mean)), 0), x.shape[0] - 1));
    // A constant column has std 0: use exactly 1 there.
    const safe = tf.where(tf.greater(std, 0), std, tf.onesLike(std)) as tf.Tensor1D;
    return { mean, std: safe };
  });
}

export function standardize(x: tf.Tensor2D, s: { mean: tf.Tensor1D; std: tf.Tensor1D }): tf.Tensor2D {
  return tf.tidy(() => tf.div(tf.sub(x, s.mean), s.std) as tf.Tensor2D);
}
