// Style: async relativeError on downloaded arrays; the perturbation applied with tf.where and a
// one-hot boolean mask over the flattened tensor, the two evaluations kept in a plain array.
import * as tf from "@tensorflow/tfjs";

export function numericalGradient(f: (x: tf.Tensor) => number, x: tf.Tensor, h: number): tf.Tensor {
  const n = x.size;
  const flat = x.reshape([n]);
  const diffs: number[] = [];
  for (let i = 0; i < n; i++) {
    const mask = tf.equal(tf.range(0, n, 1, "int32"), tf.scalar(i, "int32")); // one-hot (tf.oneHot needs depth >= 2)
    const values = [h, -h].map((delta) => f(tf.where(mask, flat.add(delta), flat).reshape(x.shape)));
    diffs.push((values[0] - values[1]) / (2 * h));
  }
  return tf.tensor(diffs, x.shape);
}

export async function relativeError(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const [av, bv] = await Promise.all([a.data(), b.data()]);
  return av.reduce((worst, ai, i) => Math.max(worst, Math.abs(ai - bv[i]) / Math.max(1e-8, Math.abs(ai) + Math.abs(bv[i]))), 0);
}
