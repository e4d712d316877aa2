import * as tf from "@tensorflow/tfjs";

// Picks the labelled log-probabilities with a flat gather and returns the loss as a scalar tensor.
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  const [n, c] = logits.shape;
  const m = logits.max(1).reshape([n, 1]);
  const lse = logits.sub(m).exp().sum(1).log().reshape([n, 1]).add(m);
  const logProbs = logits.sub(lse);
  const flatIdx = tf.add(tf.mul(tf.range(0, n, 1, "int32"), tf.scalar(c, "int32")), labels);
  const picked = tf.gather(logProbs.reshape([n * c]), flatIdx);
  const loss = picked.mean().neg();
  const probs = logProbs.exp();
  const dLogits = probs.sub(tf.oneHot(labels, c)).div(n) as tf.Tensor2D;
  return { loss, dLogits };
}
