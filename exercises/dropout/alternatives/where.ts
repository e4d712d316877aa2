import * as tf from "@tensorflow/tfjs";

// tf.where with a precomputed scale; returns the input itself when nothing is dropped.
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean) {
  if (!training) return x;
  return tf.where(u.greaterEqual(p), x.mul(1 / (1 - p)), tf.zerosLike(x));
}
