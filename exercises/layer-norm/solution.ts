import * as tf from "@tensorflow/tfjs";

/** Normalise each row over its features (biased variance), then scale by gamma and shift by beta. */
export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = tf.mean(x, 1, true);
    const centred = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centred), 1, true);
    const normed = tf.div(centred, tf.sqrt(tf.add(variance, eps)));
    return tf.add(tf.mul(normed, gamma), beta) as tf.Tensor2D;
  });
}
