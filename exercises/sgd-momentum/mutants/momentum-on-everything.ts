import * as tf from "@tensorflow/tfjs";

// v = μ(v - ηg): the momentum also damps the new gradient.

/** v = momentum·v - lr·grad; param = param + v. */
export function sgdMomentumStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  velocity: tf.Tensor,
  cfg: { lr: number; momentum: number },
): { param: tf.Tensor; velocity: tf.Tensor } {
  const v = tf.mul(tf.sub(velocity, tf.mul(grad, cfg.lr)), cfg.momentum);
  return { param: tf.add(param, v), velocity: v };
}
