import * as tf from "@tensorflow/tfjs";

/** Mean softmax cross-entropy over the batch and its gradient w.r.t. the logits. */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): { loss: number; dLogits: tf.Tensor2D } {
  // TODO: stable log-softmax, pick the labelled entries, average; gradient (p - onehot) / N.
  void labels;
  return { loss: 0, dLogits: tf.zerosLike(logits) };
}
