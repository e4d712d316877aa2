import * as tf from "@tensorflow/tfjs";

// Keeps only where u > p: drops the elements with u exactly p.

/** Inverted dropout: keep where u >= p, scale kept values by 1/(1-p); identity when not training. */
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): tf.Tensor {
  if (!training || p === 0) return x.clone();
  return tf.tidy(() => {
    const keep = tf.cast(tf.greater(u, p), "float32");
    return tf.div(tf.mul(x, keep), 1 - p);
  });
}
