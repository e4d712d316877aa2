import * as tf from "@tensorflow/tfjs";

// Classic (non-inverted) dropout: scales by (1 - p) at test time.

/** Inverted dropout: keep where u >= p, scale kept values by 1/(1-p); identity when not training. */
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): tf.Tensor {
  if (!training) return tf.mul(x, 1 - p);
  return tf.tidy(() => {
    const keep = tf.cast(tf.greaterEqual(u, p), "float32");
    return tf.div(tf.mul(x, keep), 1 - p);
  });
}
