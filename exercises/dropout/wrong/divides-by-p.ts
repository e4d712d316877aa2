// A student's mistake: divides by p instead of 1 - p.
// expect: diagnosis.scaled
import * as tf from "@tensorflow/tfjs";

/** Inverted dropout: keep where u >= p, scale kept values by 1/(1-p); identity when not training. */
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): tf.Tensor {
  if (!training || p === 0) return x.clone();
  return tf.tidy(() => {
    const keep = tf.cast(tf.greaterEqual(u, p), "float32");
    return tf.div(tf.mul(x, keep), p);
  });
}
