import * as tf from "@tensorflow/tfjs";

// Normalises each column (over the batch) instead of each row.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  const e = tf.exp(tf.sub(logits, tf.max(logits, 0, true)));
  return tf.div(e, tf.sum(e, 0, true));
}
