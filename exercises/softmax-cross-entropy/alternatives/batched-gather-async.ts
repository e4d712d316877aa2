// Style: async export; picks z[n, y_n] with a batched tf.gather, builds the one-hot mask with tf.equal
// against a range instead of tf.oneHot, and returns the loss as a scalar tensor.
import * as tf from "@tensorflow/tfjs";

export async function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  const [n, c] = logits.shape;
  const m = tf.max(logits, 1, true);
  const e = tf.exp(tf.sub(logits, m));
  const s = tf.sum(e, 1, true);
  const picked = tf.gather(logits, labels.reshape([n, 1]), 1, 1).reshape([n, 1]); // [N, 1]
  // -log p[n, y_n] = log s + m - z[n, y_n]
  const perExample = tf.log(s).add(m.sub(picked));
  const loss = tf.mean(perExample);
  const mask = tf.cast(
    tf.equal(tf.range(0, c, 1, "int32").reshape([1, c]), labels.reshape([n, 1])),
    "float32",
  );
  const dLogits = tf
    .div(e, s)
    .sub(mask)
    .mul(1 / n) as tf.Tensor2D;
  await loss.data();
  return { loss, dLogits };
}
