import * as tf from "@tensorflow/tfjs";

// Banned: tf.dropout (and its own random mask ignores u).
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean) {
  void u;
  return training ? tf.dropout(x, p) : x;
}
