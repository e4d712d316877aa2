// A student's mistake: divides by the std without subtracting the mean.
// expect: diagnosis.offset
import * as tf from "@tensorflow/tfjs";

export function fitStandardizer(x: tf.Tensor2D): { mean: tf.Tensor1D; std: tf.Tensor1D } {
  return tf.tidy(() => {
    const mean = tf.mean(x, 0) as tf.Tensor1D;
    const std = tf.sqrt(tf.mean(tf.square(tf.sub(x, mean)), 0));
    // A constant column has std 0: use exactly 1 there.
    const safe = tf.where(tf.greater(std, 0), std, tf.onesLike(std)) as tf.Tensor1D;
    return { mean, std: safe };
  });
}

export function standardize(x: tf.Tensor2D, s: { mean: tf.Tensor1D; std: tf.Tensor1D }): tf.Tensor2D {
  return tf.tidy(() => tf.div(x, s.std) as tf.Tensor2D);
}
