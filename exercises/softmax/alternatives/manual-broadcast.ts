import * as tf from "@tensorflow/tfjs";

// No keepDims: reshape the per-row reductions to [N, 1] and tile them across the row by hand.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  const [n, c] = logits.shape;
  const rowMax = tf.tile(tf.reshape(tf.max(logits, 1), [n, 1]), [1, c]);
  const e = tf.exp(tf.sub(logits, rowMax));
  const rowSum = tf.tile(tf.reshape(tf.sum(e, 1), [n, 1]), [1, c]);
  return tf.div(e, rowSum);
}
