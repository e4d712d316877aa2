// A student's mistake: returns the shifted exponentials without dividing by their sum.
// expect: none
import * as tf from "@tensorflow/tfjs";

/** Row-wise softmax of logits [N, C], stable for large and small logits. */
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const shifted = tf.sub(logits, tf.max(logits, 1, true));
    const e = tf.exp(shifted);
    return e as tf.Tensor2D;
  });
}
