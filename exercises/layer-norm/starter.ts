import type * as tf from "@tensorflow/tfjs";

/** Normalise each row over its features (biased variance), then scale by gamma and shift by beta. */
export function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): tf.Tensor2D {
  // TODO
  void gamma;
  void beta;
  void eps;
  return x.clone();
}
