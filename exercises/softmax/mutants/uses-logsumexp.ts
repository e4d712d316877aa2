import * as tf from "@tensorflow/tfjs";

// Correct maths, banned helper.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.exp(tf.sub(logits, tf.logSumExp(logits, 1, true))) as tf.Tensor2D;
}
