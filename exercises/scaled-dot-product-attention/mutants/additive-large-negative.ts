import * as tf from "@tensorflow/tfjs";

// The textbook -1e9 trick: a fully masked query ends up with uniform weights instead of zeros.
export function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[2]));
  if (mask !== undefined) scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
  const weights = tf.softmax(scores) as tf.Tensor3D;
  return { output: tf.matMul(weights, v), weights };
}
