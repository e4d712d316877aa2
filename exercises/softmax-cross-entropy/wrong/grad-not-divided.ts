// A student's mistake: forgets to divide the gradient by N.
// expect: mutant.grad-not-averaged|diagnosis.scaled
import * as tf from "@tensorflow/tfjs";

/** Mean softmax cross-entropy over the batch and its gradient w.r.t. the logits. */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): { loss: number; dLogits: tf.Tensor2D } {
  const [n, c] = logits.shape;
  return tf.tidy(() => {
    const shifted = tf.sub(logits, tf.max(logits, 1, true));
    const logProbs = tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), 1, true)));
    const onehot = tf.oneHot(labels, c);
    const loss = tf.neg(tf.sum(tf.mul(onehot, logProbs))).div(n);
    const dLogits = tf.sub(tf.exp(logProbs), onehot) as tf.Tensor2D;
    return { loss: loss.dataSync()[0]!, dLogits };
  });
}
