import * as tf from "@tensorflow/tfjs";

// Wrong reduction: sum instead of mean.

/** Mean over all elements of (pred - target)², and its gradient w.r.t. pred. */
export function mseLoss(pred: tf.Tensor, target: tf.Tensor): { loss: number; dPred: tf.Tensor } {
  return tf.tidy(() => {
    const diff = tf.sub(pred, target);
    const loss = tf.sum(tf.square(diff)).dataSync()[0]!;
    const dPred = tf.mul(diff, 2 / pred.size);
    return { loss, dPred };
  });
}
