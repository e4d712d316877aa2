// Style: predictions by a broadcast multiply-and-sum (no matMul), gradients as 2·mean(r ⊙ x) over the
// batch axis, the loss as a dot product, w kept and updated inside one tf.tidy per step.
import * as tf from "@tensorflow/tfjs";

export function fitLinearRegression(x: tf.Tensor2D, y: tf.Tensor1D, lr: number, steps: number) {
  const n = x.shape[0];
  let w = tf.zeros([x.shape[1]]) as tf.Tensor1D;
  let b = 0;
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const [nextW, nextB, loss] = tf.tidy(() => {
      const r = x.mul(w).sum(1).add(b).sub(y) as tf.Tensor1D; // [N]
      const l = tf.dot(r, r).dataSync()[0]! / n;
      const gw = x.mul(r.expandDims(1)).mean(0).mul(2);
      const gb = 2 * r.mean().dataSync()[0]!;
      return [w.sub(gw.mul(lr)) as tf.Tensor1D, b - lr * gb, l] as const;
    });
    losses.push(loss);
    w.dispose();
    w = nextW;
    b = nextB;
  }
  return { w, b, losses };
}
