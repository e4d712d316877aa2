import * as tf from "@tensorflow/tfjs";

// Masks with -Infinity: a fully masked row becomes -Inf - (-Inf) = NaN.
export function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[2]));
  if (mask !== undefined) scores = tf.where(tf.greater(mask, 0), scores, tf.fill(scores.shape, -Infinity));
  const z = tf.sub(scores, tf.max(scores, -1, true));
  const e = tf.exp(z);
  const weights = tf.div(e, tf.sum(e, -1, true)) as tf.Tensor3D;
  return { output: tf.matMul(weights, v), weights };
}
