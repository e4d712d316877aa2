// Style: one-pass variance E[x²] - E[x]² with tf.sum / N on float32 tensors, std via tf.pow(·, 0.5), no tf.tidy.
import * as tf from "@tensorflow/tfjs";

export function fitStandardizer(x: tf.Tensor2D) {
  const n = x.shape[0];
  const mean = tf.div(tf.sum(x, 0), n) as tf.Tensor1D;
  const meanOfSquares = tf.div(tf.sum(tf.mul(x, x), 0), n);
  const variance = tf.relu(tf.sub(meanOfSquares, tf.mul(mean, mean)));
  const std = tf.where(tf.equal(variance, 0), tf.onesLike(variance), tf.pow(variance, 0.5)) as tf.Tensor1D;
  return { mean, std };
}

export function standardize(x: tf.Tensor2D, s: { mean: tf.Tensor1D; std: tf.Tensor1D }) {
  return tf.div(tf.sub(x, s.mean), s.std) as tf.Tensor2D;
}
