// A student's mistake: divides the weight gradient by the batch size.
// expect: mutant.dw-averaged|diagnosis.scaled
import * as tf from "@tensorflow/tfjs";

/** Gradients of y = x·w + b: dOut [N, M], x [N, D], w [D, M] → dx [N, D], dw [D, M], db [M]. */
export function denseBackward(
  dOut: tf.Tensor2D,
  x: tf.Tensor2D,
  w: tf.Tensor2D,
): { dx: tf.Tensor2D; dw: tf.Tensor2D; db: tf.Tensor1D } {
  return {
    dx: tf.matMul(dOut, w, false, true),
    dw: tf.div(tf.matMul(x, dOut, true, false), x.shape[0]) as tf.Tensor2D,
    db: tf.sum(dOut, 0),
  };
}
