// A student's mistake: builds each row by hand and forgets the bias.
// expect: mutant.no-bias
import * as tf from "@tensorflow/tfjs";

/** y = x·w + b for a batch: x [N, D], w [D, M], b [M] → [N, M]. */
export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  void b;
  const rows = tf.unstack(x).map((row) => tf.squeeze(tf.matMul(tf.expandDims(row, 0), w), [0]));
  return tf.stack(rows) as tf.Tensor2D;
}
