// Style: the square expanded, loss = E[p²] - 2E[p·t] + E[t²] (cancellation-prone but within tolerance here).
import * as tf from "@tensorflow/tfjs";

/** Mean over all elements of (pred - target)², and its gradient w.r.t. pred. */
export function mseLoss(pred: tf.Tensor, target: tf.Tensor): { loss: number; dPred: tf.Tensor } {
  return tf.tidy(() => {
    const diff = tf.sub(pred, target);
    const loss = tf
      .mean(tf.square(pred))
      .sub(tf.mean(tf.mul(pred, target)).mul(2))
      .add(tf.mean(tf.square(target)))
      .dataSync()[0]!;
    const dPred = tf.mul(diff, 2 / pred.size);
    return { loss, dPred };
  });
}
