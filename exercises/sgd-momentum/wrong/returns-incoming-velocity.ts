// A student's mistake: returns the velocity it was given.
// expect: mutant.velocity-not-returned
import * as tf from "@tensorflow/tfjs";

/** v = momentum·v - lr·grad; param = param + v. */
export function sgdMomentumStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  velocity: tf.Tensor,
  cfg: { lr: number; momentum: number },
): { param: tf.Tensor; velocity: tf.Tensor } {
  const v = tf.sub(tf.mul(velocity, cfg.momentum), tf.mul(grad, cfg.lr));
  return { param: tf.add(param, v), velocity: velocity.clone() };
}
