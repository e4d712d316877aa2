import * as tf from "@tensorflow/tfjs";

// Shape slip: adds the sum of the bias vector instead of broadcasting it.
export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.add(tf.matMul(x, w), tf.sum(b));
}
