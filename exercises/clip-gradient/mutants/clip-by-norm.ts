import * as tf from "@tensorflow/tfjs";

// Rescales the whole gradient to norm ≤ clip instead of clipping each element.

/** Identity forward; the backward pass clips the incoming gradient to [-clip, clip]. */
export function clipGradient(x: tf.Tensor, clip: number): tf.Tensor {
  const op = tf.customGrad((input, _save) => {
    const t = input as tf.Tensor;
    void _save;
    return { value: tf.clone(t), gradFunc: (dy: tf.Tensor) => tf.mul(dy, tf.minimum(1, tf.div(clip, tf.add(tf.norm(dy), 1e-12)))) };
  });
  return op(x);
}
