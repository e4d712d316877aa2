import * as tf from "@tensorflow/tfjs";

// Sums divided by D and tf.rsqrt, with method chaining.
export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number) {
  const d = x.shape[1];
  const mean = x.sum(1, true).div(d);
  const centred = x.sub(mean);
  const variance = centred.square().sum(1, true).div(d);
  return centred.mul(variance.add(eps).rsqrt()).mul(gamma).add(beta) as tf.Tensor2D;
}
