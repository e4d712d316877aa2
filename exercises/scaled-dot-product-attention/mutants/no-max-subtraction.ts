import * as tf from "@tensorflow/tfjs";

// Overflows for large scores.
export function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[2]));
  let e = tf.exp(scores);
  if (mask !== undefined) e = tf.mul(e, mask);
  const sum = tf.sum(e, -1, true);
  const weights = tf.div(e, tf.where(tf.greater(sum, 0), sum, tf.onesLike(sum))) as tf.Tensor3D;
  return { output: tf.matMul(weights, v), weights };
}
