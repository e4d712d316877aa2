// A student's mistake: normalises over the batch axis.
// expect: mutant.wrong-axis|diagnosis.normalisedAxis
import * as tf from "@tensorflow/tfjs";

/** Row-wise softmax of logits [N, C], stable for large and small logits. */
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const shifted = tf.sub(logits, tf.max(logits, 0, true));
    const e = tf.exp(shifted);
    return tf.div(e, tf.sum(e, 0, true));
  });
}
