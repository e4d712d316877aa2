import * as tf from "@tensorflow/tfjs";

// Missing 1/sqrt(d).
export function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  const scores = tf.matMul(q, k, false, true);
  const allowed = mask === undefined ? tf.onesLike(scores).cast("bool") : tf.greater(mask, 0.5);
  const rowMax = tf.max(tf.where(allowed, scores, tf.fill(scores.shape, -3.4e38)), -1, true);
  const e = tf.where(allowed, tf.exp(tf.sub(scores, rowMax)), tf.zerosLike(scores));
  const sum = tf.sum(e, -1, true);
  const weights = tf.div(e, tf.where(tf.greater(sum, 0), sum, tf.onesLike(sum))) as tf.Tensor3D;
  return { output: tf.matMul(weights, v), weights };
}
