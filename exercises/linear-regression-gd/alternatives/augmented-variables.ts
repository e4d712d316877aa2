// Style: the bias folded in as an extra weight on a column of ones, parameters held in a tf.Variable
// updated in place with assign(); b is returned as a scalar tensor; losses read with await data().
import * as tf from "@tensorflow/tfjs";

export async function fitLinearRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  lr: number,
  steps: number,
) {
  const [n, d] = x.shape;
  const xa = tf.concat([x, tf.ones([n, 1])], 1); // [N, D + 1]
  const yc = y.reshape([n, 1]);
  const theta = tf.variable(tf.zeros([d + 1, 1]));
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const r = xa.matMul(theta).sub(yc); // [N, 1]
    losses.push((await r.square().mean().data())[0]!);
    theta.assign(
      theta.sub(
        xa
          .transpose()
          .matMul(r)
          .mul(2 / n)
          .mul(lr),
      ),
    );
  }
  const w = theta.slice([0, 0], [d, 1]).reshape([d]) as tf.Tensor1D;
  const b = theta.slice([d, 0], [1, 1]).reshape([]) as tf.Scalar;
  return { w, b, losses };
}
