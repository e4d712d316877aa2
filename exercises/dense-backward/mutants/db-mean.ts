import * as tf from "@tensorflow/tfjs";

// Wrong reduction: averages the bias gradient over the batch.
export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  return { dx: tf.matMul(dOut, w, false, true), dw: tf.matMul(x, dOut, true, false), db: tf.mean(dOut, 0) };
}
