import * as tf from "@tensorflow/tfjs";

// Zeroes masked weights after the softmax but never renormalises the rest.
export function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[2]));
  let weights = tf.softmax(scores) as tf.Tensor3D;
  if (mask !== undefined) weights = tf.mul(weights, mask);
  return { output: tf.matMul(weights, v), weights };
}
