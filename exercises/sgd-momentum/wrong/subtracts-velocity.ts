// A student's mistake: moves the parameter against the velocity.
// expect: none
import * as tf from "@tensorflow/tfjs";

/** v = momentum·v - lr·grad; param = param + v. */
export function sgdMomentumStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  velocity: tf.Tensor,
  cfg: { lr: number; momentum: number },
): { param: tf.Tensor; velocity: tf.Tensor } {
  const v = tf.sub(tf.mul(velocity, cfg.momentum), tf.mul(grad, cfg.lr));
  return { param: tf.sub(param, v), velocity: v };
}
