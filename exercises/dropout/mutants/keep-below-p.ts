import * as tf from "@tensorflow/tfjs";

// Keeps where u < p (keeps a fraction p instead of 1 - p).

/** Inverted dropout: keep where u >= p, scale kept values by 1/(1-p); identity when not training. */
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): tf.Tensor {
  if (!training || p === 0) return x.clone();
  return tf.tidy(() => {
    const keep = tf.cast(tf.less(u, p), "float32");
    return tf.div(tf.mul(x, keep), 1 - p);
  });
}
