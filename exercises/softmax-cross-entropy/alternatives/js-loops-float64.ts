// Style: plain JS loops in float64 over arraySync() (labels read as numbers), stable via the row max.
import * as tf from "@tensorflow/tfjs";

export function softmaxCrossEntropy(
  logits: tf.Tensor2D,
  labels: tf.Tensor1D,
): { loss: number; dLogits: tf.Tensor2D } {
  const z = logits.arraySync();
  const y = labels.arraySync();
  const n = z.length;
  let total = 0;
  const grad: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = z[i]!;
    let max = -Infinity;
    for (const v of row) if (v > max) max = v;
    let sum = 0;
    for (const v of row) sum += Math.exp(v - max);
    const logSum = Math.log(sum);
    total += -(row[y[i]!]! - max - logSum);
    grad.push(row.map((v, c) => (Math.exp(v - max - logSum) - (c === y[i]! ? 1 : 0)) / n));
  }
  return { loss: total / n, dLogits: tf.tensor2d(grad, logits.shape) };
}
