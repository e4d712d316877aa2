import * as tf from "@tensorflow/tfjs";

// Wrong reduction: divides by the sum over the whole batch.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  const e = tf.exp(tf.sub(logits, tf.max(logits, 1, true)));
  return tf.div(e, tf.sum(e));
}
