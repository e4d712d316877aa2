// Variance as E[x²] − E[x]², then one affine map per element: y = x·a + (β − μ·a) with a = γ / sqrt(σ² + ε); no tidy.
import * as tf from "@tensorflow/tfjs";

export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): tf.Tensor2D {
  const mu = tf.mean(x, 1, true);
  const variance = tf.sub(tf.mean(tf.mul(x, x), 1, true), tf.mul(mu, mu));
  const a = tf.div(gamma, tf.sqrt(tf.add(variance, eps))); // [N, D]
  return tf.add(tf.mul(x, a), tf.sub(beta, tf.mul(mu, a))) as tf.Tensor2D;
}
