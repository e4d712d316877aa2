// Style: the input as a tf.variable differentiated with tf.variableGrads; abs read back through arraySync and rebuilt.
import * as tf from "@tensorflow/tfjs";

export function inputSaliency(f: (x: tf.Tensor2D) => tf.Tensor1D, x: tf.Tensor2D): tf.Tensor2D {
  const v = tf.variable(x, true);
  const { grads } = tf.variableGrads(() => f(v as unknown as tf.Tensor2D).sum() as tf.Scalar, [v]);
  const g = grads[v.name]!.arraySync() as number[][];
  v.dispose();
  return tf.tensor2d(g.map((row) => row.map(Math.abs)));
}
