import * as tf from "@tensorflow/tfjs";

// Returns the additive form (0 allowed, -1e9 masked) instead of 0/1.

/** [t, t] float32: 1 on and below the diagonal, 0 above. */
export function causalMask(t: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = tf.reshape(tf.range(0, t), [t, 1]);
    const cols = tf.reshape(tf.range(0, t), [1, t]);
    return tf.mul(tf.sub(1, tf.cast(tf.lessEqual(cols, rows), "float32")), -1e9) as tf.Tensor2D;
  });
}
