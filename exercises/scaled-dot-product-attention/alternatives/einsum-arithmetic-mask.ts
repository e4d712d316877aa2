// tf.einsum for both products; the mask enters arithmetically (scores·m + (m − 1)·1e30, then exponentials times m), no tf.where and no tidy.
import * as tf from "@tensorflow/tfjs";

export function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  const scores = tf.einsum("bqd,bkd->bqk", q, k).mul(1 / Math.sqrt(q.shape[2]));
  const m = mask ?? tf.onesLike(scores);
  const pushed = scores.mul(m).add(m.sub(1).mul(1e30));
  const e = pushed.sub(pushed.max(-1, true)).exp().mul(m);
  const sum = e.sum(-1, true);
  const weights = e.div(sum.add(sum.equal(0).cast("float32"))) as tf.Tensor3D;
  return { output: tf.einsum("bqk,bkv->bqv", weights, v) as tf.Tensor3D, weights };
}
