// A student's mistake: subtracts the bias instead of adding it.
// expect: diagnosis.offset
import * as tf from "@tensorflow/tfjs";

/** y = x·w + b for a batch: x [N, D], w [D, M], b [M] → [N, M]. */
export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.sub(tf.matMul(x, w), b));
}
