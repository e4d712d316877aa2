import * as tf from "@tensorflow/tfjs";

// Sigmoid written as 1 / (1 + e^{-z}), method chaining, gradients kept in a record.
type P = { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D };
const logistic = (z: tf.Tensor) => tf.scalar(1).div(z.neg().exp().add(1));

export function mlpTrainStep(params: P, x: tf.Tensor2D, y: tf.Tensor2D, lr: number) {
  const h = logistic(x.matMul(params.w1).add(params.b1)) as tf.Tensor2D;
  const o = logistic(h.matMul(params.w2).add(params.b2)) as tf.Tensor2D;
  const loss = o.sub(y).square().mean();
  const dO = o.sub(y).mul(2 / o.size);
  const dz2 = dO.mul(o).mul(tf.onesLike(o).sub(o)) as tf.Tensor2D;
  const dz1 = dz2.matMul(params.w2.transpose()).mul(h).mul(tf.onesLike(h).sub(h)) as tf.Tensor2D;
  const grads: P = { w1: x.transpose().matMul(dz1) as tf.Tensor2D, b1: dz1.sum(0), w2: h.transpose().matMul(dz2) as tf.Tensor2D, b2: dz2.sum(0) };
  const next = {} as P;
  for (const k of ["w1", "b1", "w2", "b2"] as const) (next as Record<string, tf.Tensor>)[k] = params[k].sub(grads[k].mul(lr));
  return { params: next, loss };
}
