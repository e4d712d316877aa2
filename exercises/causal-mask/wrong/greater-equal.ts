// A student's mistake: compares the wrong way round (upper triangle).
// expect: mutant.upper-triangular|diagnosis.transposed
import * as tf from "@tensorflow/tfjs";

/** [t, t] float32: 1 on and below the diagonal, 0 above. */
export function causalMask(t: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = tf.reshape(tf.range(0, t), [t, 1]);
    const cols = tf.reshape(tf.range(0, t), [1, t]);
    return tf.cast(tf.greaterEqual(cols, rows), "float32") as tf.Tensor2D;
  });
}
