// Style: plain JS loop in float64 over dataSync(); the gradient goes back with tf.tensor(values, shape).
import * as tf from "@tensorflow/tfjs";

export function mseLoss(pred: tf.Tensor, target: tf.Tensor): { loss: number; dPred: tf.Tensor } {
  const p = pred.dataSync();
  const t = target.dataSync();
  const s = p.length;
  let sum = 0;
  const grad: number[] = [];
  for (let i = 0; i < s; i++) {
    const d = p[i]! - t[i]!;
    sum += d * d;
    grad.push((2 * d) / s);
  }
  return { loss: sum / s, dPred: tf.tensor(grad, pred.shape) };
}
