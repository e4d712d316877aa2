import * as tf from "@tensorflow/tfjs";

// Explicit transposes and method chaining.
export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  const dx = dOut.matMul(w.transpose());
  const dw = x.transpose().matMul(dOut);
  const db = dOut.sum(0) as tf.Tensor1D;
  return { dx, dw, db };
}
