import * as tf from "@tensorflow/tfjs";

// Shifts by the maximum over every key, masked ones included: the allowed exponentials can underflow to 0.

/** softmax(q·kᵀ / sqrt(d)) · v, with an optional 0/1 mask [B, Tq, Tk] (1 = may attend). */
export function scaledDotProductAttention(
  q: tf.Tensor3D,
  k: tf.Tensor3D,
  v: tf.Tensor3D,
  mask?: tf.Tensor3D,
): { output: tf.Tensor3D; weights: tf.Tensor3D } {
  return tf.tidy(() => {
    const d = q.shape[2];
    const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    const allowed = mask === undefined ? tf.onesLike(scores).cast("bool") : tf.greater(mask, 0.5);
    // Row maximum over the allowed keys only; a fully masked row gets 0 (its weights are zeroed below).
    const rowMax = tf.max(scores, -1, true);
    const e = tf.where(allowed, tf.exp(tf.sub(scores, rowMax)), tf.zerosLike(scores));
    const sum = tf.sum(e, -1, true);
    const weights = tf.div(e, tf.where(tf.greater(sum, 0), sum, tf.onesLike(sum))) as tf.Tensor3D;
    return { output: tf.matMul(weights, v), weights };
  });
}
