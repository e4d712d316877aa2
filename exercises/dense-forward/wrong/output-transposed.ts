// A student's mistake: returns the result transposed, features first.
// expect: diagnosis.transposed
import * as tf from "@tensorflow/tfjs";

/** y = x·w + b for a batch: x [N, D], w [D, M], b [M] → [N, M]. */
export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.transpose(tf.add(tf.matMul(x, w), b)) as tf.Tensor2D);
}
