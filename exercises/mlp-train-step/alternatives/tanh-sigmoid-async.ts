// Style: async export; sigmoid written as (1 + tanh(z/2)) / 2, its derivative as σ(z)·σ(-z) from the
// pre-activations, the loss returned as a scalar tensor, parameters updated in a loop over their names.
import * as tf from "@tensorflow/tfjs";

type Params = { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D };
const sig = (z: tf.Tensor) => tf.tanh(z.mul(0.5)).add(1).mul(0.5);
const dsig = (z: tf.Tensor) => sig(z).mul(sig(z.neg()));

export async function mlpTrainStep(params: Params, x: tf.Tensor2D, y: tf.Tensor2D, lr: number) {
  const z1 = x.matMul(params.w1).add(params.b1);
  const h = sig(z1) as tf.Tensor2D;
  const z2 = h.matMul(params.w2).add(params.b2);
  const o = sig(z2);
  const err = o.sub(y);
  const loss = err.square().sum().div(err.size);
  const dz2 = err.mul(2 / err.size).mul(dsig(z2)) as tf.Tensor2D;
  const dz1 = dz2.matMul(params.w2.transpose()).mul(dsig(z1)) as tf.Tensor2D;
  const grads: Params = {
    w1: x.transpose().matMul(dz1) as tf.Tensor2D,
    b1: dz1.sum(0),
    w2: h.transpose().matMul(dz2) as tf.Tensor2D,
    b2: dz2.sum(0),
  };
  const names = ["w1", "b1", "w2", "b2"] as const;
  const updated = Object.fromEntries(
    names.map((k) => [k, params[k].sub(grads[k].mul(lr))]),
  ) as unknown as Params;
  await loss.data();
  return { params: updated, loss };
}
