import * as tf from "@tensorflow/tfjs";

// dOutᵀ·x has shape [M, D]: the transpose of the weight gradient.
export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  return { dx: tf.matMul(dOut, w, false, true), dw: tf.matMul(dOut, x, true, false), db: tf.sum(dOut, 0) };
}
