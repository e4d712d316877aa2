import * as tf from "@tensorflow/tfjs";

/** Mean over all elements of (pred - target)², and its gradient w.r.t. pred. */
export function mseLoss(pred: tf.Tensor, target: tf.Tensor): { loss: number; dPred: tf.Tensor } {
  // TODO
  void target;
  return { loss: 0, dPred: tf.zerosLike(pred) };
}
