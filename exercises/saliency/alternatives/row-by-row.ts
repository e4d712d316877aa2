// Style: one tf.grad per row (each row sliced to [1, D] and scored alone), rows concatenated; abs as maximum(g, -g).
import * as tf from "@tensorflow/tfjs";

export function inputSaliency(f: (x: tf.Tensor2D) => tf.Tensor1D, x: tf.Tensor2D): tf.Tensor2D {
  const rowGrad = tf.grad((row: tf.Tensor) => tf.sum(f(row as tf.Tensor2D)));
  const rows: tf.Tensor[] = [];
  for (let n = 0; n < x.shape[0]; n++) {
    const g = rowGrad(tf.slice(x, [n, 0], [1, -1]));
    rows.push(tf.maximum(g, tf.neg(g)));
  }
  return tf.concat(rows, 0) as tf.Tensor2D;
}
