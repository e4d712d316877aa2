// A student's mistake: drops the minus sign of the generator loss.
// expect: diagnosis.signFlipped
import * as tf from "@tensorflow/tfjs";

/** log(1 + e^z), stable for any z. */
function softplus(z: tf.Tensor): tf.Tensor {
  return tf.add(tf.relu(z), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
}

/** BCE: real → 1, fake → 0; mean over each half, summed. */
export function discriminatorLoss(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): number {
  return tf.tidy(() => tf.add(tf.mean(softplus(tf.neg(realLogits))), tf.mean(softplus(fakeLogits))).dataSync()[0]!);
}

/** Non-saturating: -mean(log sigmoid(fake)). */
export function generatorLoss(fakeLogits: tf.Tensor1D): number {
  return tf.tidy(() => tf.neg(tf.mean(softplus(tf.neg(fakeLogits)))).dataSync()[0]!);
}
