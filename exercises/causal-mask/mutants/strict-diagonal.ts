import * as tf from "@tensorflow/tfjs";

// Excludes the diagonal (a token cannot see itself).

/** [t, t] float32: 1 on and below the diagonal, 0 above. */
export function causalMask(t: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = tf.reshape(tf.range(0, t), [t, 1]);
    const cols = tf.reshape(tf.range(0, t), [1, t]);
    return tf.cast(tf.less(cols, rows), "float32") as tf.Tensor2D;
  });
}
