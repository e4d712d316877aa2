import * as tf from "@tensorflow/tfjs";

// Async, loss left as a scalar tensor, sum/size written out.
export async function mseLoss(pred: tf.Tensor, target: tf.Tensor) {
  const diff = pred.sub(target);
  const loss = diff.mul(diff).sum().div(pred.size);
  const dPred = diff.mul(tf.scalar(2 / pred.size));
  await Promise.resolve();
  return { loss, dPred };
}
