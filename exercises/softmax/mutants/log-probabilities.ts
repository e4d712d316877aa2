import * as tf from "@tensorflow/tfjs";

// Returns log-softmax instead of softmax.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  const z = tf.sub(logits, tf.max(logits, 1, true));
  return tf.sub(z, tf.log(tf.sum(tf.exp(z), 1, true)));
}
