import * as tf from "@tensorflow/tfjs";

type AdamState = { m: tf.Tensor; v: tf.Tensor; t: number };
type AdamConfig = { lr: number; beta1: number; beta2: number; epsilon: number };

/** One Adam step with bias correction; state.t counts the steps already taken. */
export function adamStep(param: tf.Tensor, grad: tf.Tensor, state: AdamState, cfg: AdamConfig): { param: tf.Tensor; state: AdamState } {
  // TODO
  void grad;
  void cfg;
  return { param: param.clone(), state };
}
