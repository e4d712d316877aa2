import * as tf from "@tensorflow/tfjs";

// Method chaining instead of tf.* functions.
export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return x.matMul(w).add(b);
}
