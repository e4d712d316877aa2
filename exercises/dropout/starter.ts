import type * as tf from "@tensorflow/tfjs";

/** Inverted dropout: keep where u >= p, scale kept values by 1/(1-p); identity when not training. */
export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): tf.Tensor {
  // TODO
  void p;
  void u;
  void training;
  return x.clone();
}
