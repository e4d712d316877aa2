import * as tf from "@tensorflow/tfjs";

// The mask argument is accepted and ignored.
export function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  void mask;
  const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[2]));
  const weights = tf.softmax(scores) as tf.Tensor3D;
  return { output: tf.matMul(weights, v), weights };
}
