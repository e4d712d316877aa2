// A student's mistake: uses the gradient of the ½-MSE.
// expect: mutant.grad-missing-two|diagnosis.scaled
import * as tf from "@tensorflow/tfjs";

/** Mean over all elements of (pred - target)², and its gradient w.r.t. pred. */
export function mseLoss(pred: tf.Tensor, target: tf.Tensor): { loss: number; dPred: tf.Tensor } {
  return tf.tidy(() => {
    const diff = tf.sub(pred, target);
    const loss = tf.mean(tf.square(diff)).dataSync()[0]!;
    const dPred = tf.mul(diff, 1 / pred.size);
    return { loss, dPred };
  });
}
