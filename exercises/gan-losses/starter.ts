import type * as tf from "@tensorflow/tfjs";

/** BCE: real → 1, fake → 0; mean over each half, summed. */
export function discriminatorLoss(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): number {
  // TODO
  void realLogits;
  void fakeLogits;
  return 0;
}

/** Non-saturating: -mean(log sigmoid(fake)). */
export function generatorLoss(fakeLogits: tf.Tensor1D): number {
  // TODO
  void fakeLogits;
  return 0;
}
