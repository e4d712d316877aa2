// A student's mistake: passes the gradient through unclipped.
// expect: mutant.no-clipping
import * as tf from "@tensorflow/tfjs";

/** Identity forward; the backward pass clips the incoming gradient to [-clip, clip]. */
export function clipGradient(x: tf.Tensor, clip: number): tf.Tensor {
  const op = tf.customGrad((input, _save) => {
    const t = input as tf.Tensor;
    void _save;
    return { value: tf.clone(t), gradFunc: (dy: tf.Tensor) => tf.clone(dy) };
  });
  return op(x);
}
