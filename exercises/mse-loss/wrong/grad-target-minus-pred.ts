// A student's mistake: differentiates target minus prediction.
// expect: mutant.grad-wrong-sign|diagnosis.signFlipped
import * as tf from "@tensorflow/tfjs";

/** Mean over all elements of (pred - target)², and its gradient w.r.t. pred. */
export function mseLoss(pred: tf.Tensor, target: tf.Tensor): { loss: number; dPred: tf.Tensor } {
  return tf.tidy(() => {
    const diff = tf.sub(pred, target);
    const loss = tf.mean(tf.square(diff)).dataSync()[0]!;
    const dPred = tf.mul(tf.sub(target, pred), 2 / pred.size);
    return { loss, dPred };
  });
}
