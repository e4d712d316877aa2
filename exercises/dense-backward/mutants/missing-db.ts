import * as tf from "@tensorflow/tfjs";

// Forgets the bias gradient.
export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  return { dx: tf.matMul(dOut, w, false, true), dw: tf.matMul(x, dOut, true, false) };
}
