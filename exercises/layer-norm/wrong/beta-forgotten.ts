// A student's mistake: forgets to add beta.
// expect: diagnosis.offset
import * as tf from "@tensorflow/tfjs";

/** Normalise each row over its features (biased variance), then scale by gamma and shift by beta. */
export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = tf.mean(x, 1, true);
    const centred = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centred), 1, true);
    const normed = tf.div(centred, tf.sqrt(tf.add(variance, eps)));
    void beta;
    return tf.mul(normed, gamma) as tf.Tensor2D;
  });
}
