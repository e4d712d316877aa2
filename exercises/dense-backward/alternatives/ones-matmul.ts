import * as tf from "@tensorflow/tfjs";

// The bias gradient as 1ᵀ·dOut (a matrix product with a row of ones), reshaped to [M].
export const denseBackward = (dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) => {
  const [n, m] = dOut.shape;
  const ones = tf.ones([1, n]);
  return {
    dx: tf.matMul(dOut, tf.transpose(w)),
    dw: tf.matMul(tf.transpose(x), dOut),
    db: tf.reshape(tf.matMul(ones, dOut), [m]),
  };
};
