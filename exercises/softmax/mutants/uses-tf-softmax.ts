import * as tf from "@tensorflow/tfjs";

// Banned call.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.softmax(logits);
}
