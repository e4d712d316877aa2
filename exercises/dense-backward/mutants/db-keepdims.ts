import * as tf from "@tensorflow/tfjs";

// Shape slip: db is [1, M] instead of [M].
export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  return { dx: tf.matMul(dOut, w, false, true), dw: tf.matMul(x, dOut, true, false), db: tf.sum(dOut, 0, true) };
}
