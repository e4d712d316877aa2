import * as tf from "@tensorflow/tfjs";

/** softmax(q·kᵀ / sqrt(d)) · v, with an optional 0/1 mask [B, Tq, Tk] (1 = may attend). */
export function scaledDotProductAttention(
  q: tf.Tensor3D,
  k: tf.Tensor3D,
  v: tf.Tensor3D,
  mask?: tf.Tensor3D,
): { output: tf.Tensor3D; weights: tf.Tensor3D } {
  // TODO: scores, (masked) softmax over the keys, weighted sum of the values.
  void mask;
  const [b, tq] = q.shape;
  const tk = k.shape[1];
  const weights = tf.fill([b, tq, tk], 1 / tk) as tf.Tensor3D;
  return { output: tf.matMul(weights, v), weights };
}
