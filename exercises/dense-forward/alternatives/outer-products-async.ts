// Style: async export; sum over d of outer products x[:, d] ⊗ w[d, :] built from broadcasting, bias first.
import * as tf from "@tensorflow/tfjs";

export async function denseForward(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
): Promise<tf.Tensor2D> {
  const [n, d] = x.shape;
  let acc: tf.Tensor = tf.zeros([n, w.shape[1]]).add(b.expandDims(0));
  for (let k = 0; k < d; k++) {
    const col = x.slice([0, k], [n, 1]); // [N, 1]
    const row = w.slice([k, 0], [1, w.shape[1]]); // [1, M]
    acc = acc.add(col.mul(row));
  }
  await acc.data();
  return acc as tf.Tensor2D;
}
