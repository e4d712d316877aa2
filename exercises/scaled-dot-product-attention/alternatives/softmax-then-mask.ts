import * as tf from "@tensorflow/tfjs";

// tf.softmax is allowed here: mask by multiplying, then renormalise over the allowed keys.
export function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  const scores = q.matMul(k.transpose([0, 2, 1])).div(Math.sqrt(q.shape[2]));
  if (mask === undefined) {
    const weights = tf.softmax(scores) as tf.Tensor3D;
    return { output: weights.matMul(v), weights };
  }
  // Push masked scores far down first so the allowed ones keep their precision.
  const shifted = tf.where(mask.greater(0), scores, tf.fill(scores.shape, -1e9));
  const raw = tf.softmax(shifted).mul(mask);
  const sum = raw.sum(-1, true);
  const weights = raw.div(tf.maximum(sum, 1e-30)) as tf.Tensor3D;
  return { output: weights.matMul(v), weights };
}
