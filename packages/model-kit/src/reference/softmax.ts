import * as tf from "@tensorflow/tfjs";
import { assertRank, takeNumber } from "./util.ts";

/** Row-wise softmax over the last axis, stable: exp(z - max) / Σ exp(z - max). */
export function softmax(logits: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => {
    const z = tf.sub(logits, tf.max(logits, -1, true));
    const e = tf.exp(z);
    return tf.div(e, tf.sum(e, -1, true)) as tf.Tensor2D;
  });
}

/** Mean over the batch of -log softmax(logits)[n, label_n], and its gradient (softmax - onehot)/N. */
export function softmaxCrossEntropy(logits: tf.Tensor, labels: tf.Tensor): { loss: number; dLogits: tf.Tensor2D } {
  assertRank(logits, 2, "logits");
  const [n, c] = logits.shape as [number, number];
  if (labels.size !== n) throw new RangeError("labels must hold one class per row");
  const [loss, dLogits] = tf.tidy(() => {
    const z = tf.sub(logits, tf.max(logits, 1, true));
    const lse = tf.log(tf.sum(tf.exp(z), 1, true));
    const logp = tf.sub(z, lse);
    const onehot = tf.oneHot(tf.cast(tf.reshape(labels, [n]), "int32"), c);
    const l = tf.neg(tf.div(tf.sum(tf.mul(logp, onehot)), n));
    const d = tf.div(tf.sub(tf.exp(logp), onehot), n) as tf.Tensor2D;
    return [l, d] as const;
  });
  return { loss: takeNumber(loss), dLogits };
}
