import * as tf from "@tensorflow/tfjs";

// Plain dropout without the 1/(1-p) scale.

/** Inverted dropout: keep where u >= p, scale kept values by 1/(1-p); identity when not training. */
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): tf.Tensor {
  if (!training || p === 0) return x.clone();
  return tf.tidy(() => {
    const keep = tf.cast(tf.greaterEqual(u, p), "float32");
    return tf.mul(x, keep);
  });
}
