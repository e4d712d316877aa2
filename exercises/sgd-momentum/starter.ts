import * as tf from "@tensorflow/tfjs";

/** v = momentum·v - lr·grad; param = param + v. */
export function sgdMomentumStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  velocity: tf.Tensor,
  cfg: { lr: number; momentum: number },
): { param: tf.Tensor; velocity: tf.Tensor } {
  // TODO
  void grad;
  void cfg;
  return { param: param.clone(), velocity: velocity.clone() };
}
